import * as tf from "@tensorflow/tfjs-core";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import { checkpoint, type IterationControl } from "./iterate";
import { assertSteps } from "./params";
import { asRows } from "./rows";

/** DeepFool's options; defaults as foolbox sets them (50 steps, 10 candidates, overshoot 0.02). */
export interface DeepFoolOptions {
  steps?: number;
  /** Classes considered at each step: the top ones of the clean logits, the true one excluded. */
  candidates?: number;
  overshoot?: number;
  /**
   * Judge success on the image rounded to 8 bits (as it would be saved): DeepFool lands just
   * past the boundary, and rounding alone can pull it back.
   */
  eightBit?: boolean;
}

export const DEEPFOOL_DEFAULTS = { steps: 50, candidates: 10, overshoot: 0.02 } as const;

/** Per-example L2 norms of a batch [N, ...] as [N]. */
const rowNorms = (t: tf.Tensor) =>
  tf.tidy(() => tf.sqrt(tf.sum(tf.square(tf.reshape(t, [t.shape[0], -1])), 1)));

/** Per-example scale [N] times a batch [N, ...]. */
const scaleRows = (s: tf.Tensor, t: tf.Tensor) => tf.tidy(() => tf.mul(asRows(s, t), t));

/**
 * DeepFool (Moosavi-Dezfooli et al. 2016), untargeted L2. At each step the classifier is
 * linearised around the current point; for every candidate class k the boundary with the
 * current label is at distance |f_k - f_y| / ||grad f_k - grad f_y||, and the step goes to the
 * nearest one (plus 1e-4 so it lands across). The steps add up, and the total is applied with
 * (1 + overshoot). Examples already misclassified stop moving. The small constants in the
 * denominators guard gradients that vanish. `control` sees each step (progress, trace, cancel).
 */
export async function deepFool(
  f: LogitsFn,
  x: tf.Tensor,
  labels: number[],
  opts: DeepFoolOptions = {},
  control: IterationControl = {},
): Promise<{ adversarial: tf.Tensor; steps: number; backward: number }> {
  const { steps, candidates, overshoot } = { ...DEEPFOOL_DEFAULTS, ...opts };
  assertSteps(steps);
  if (!(overshoot >= 0)) throw new RangeError(`overshoot must be >= 0, got ${overshoot}.`);
  const n = x.shape[0];
  // Rounding to 8 bits moves a point by +-0.5 level per value at random; along any one direction
  // that is ~0.3/255 (std), whatever the image size. Landing 1.5/255 past the boundary keeps the
  // rounded image across it; without this a photo's DeepFool crept over in dozens of tiny steps.
  const past = opts.eightBit ? 1.5 / 255 : 0;
  const y = tf.tensor1d(labels, "int32");
  // The candidate classes per example, from the clean logits: [N, C].
  const order = tf.tidy(() => {
    const logits = f(x);
    const c = Math.min(candidates, logits.shape[1] - 1);
    const pushedDown = tf.sub(logits, tf.mul(tf.oneHot(y, logits.shape[1]), 1e9));
    return tf.topk(pushedDown, c).indices as tf.Tensor2D;
  });
  let total = tf.zerosLike(x);
  let adversarial = x.clone();
  let done = 0;
  let backward = 0;
  try {
    for (; done < steps; done++) {
      const active = tf.tidy(() => {
        const seen = opts.eightBit ? quantize8bit(adversarial) : adversarial;
        return tf.cast(tf.equal(tf.argMax(f(seen), 1), y), "float32");
      });
      const still = tf.tidy(() => active.sum().dataSync()[0]);
      if (still === 0) {
        active.dispose();
        break;
      }
      const step = tf.tidy(() => {
        let best: { dist: tf.Tensor; r: tf.Tensor } | null = null;
        const logits = f(adversarial);
        const classes = logits.shape[1];
        for (let j = 0; j < order.shape[1]; j++) {
          const k = tf.squeeze(tf.slice(order, [0, j], [n, 1]), [1]);
          // f_k - f_y per example, as a weighting of the logits.
          const pick = tf.sub(tf.oneHot(k, classes), tf.oneHot(y, classes));
          const fk = tf.sum(tf.mul(logits, pick), 1);
          const w = tf.grad((z: tf.Tensor) => tf.sum(tf.mul(f(z), pick)))(adversarial);
          backward++;
          const wNorm = rowNorms(w);
          const dist = tf.div(tf.abs(fk), tf.add(wNorm, 1e-8));
          // The step reaches the boundary, then goes `past` further along w (see above).
          const toBoundary = tf.div(tf.add(tf.abs(fk), 1e-4), tf.add(tf.square(wNorm), 1e-8));
          const r = scaleRows(tf.add(toBoundary, tf.div(past, tf.add(wNorm, 1e-8))), w);
          if (!best) best = { dist, r };
          else {
            const closer: tf.Tensor = tf.less(dist, best.dist);
            best = {
              dist: tf.where(closer, dist, best.dist),
              r: tf.where(asRows(closer, r), r, best.r),
            };
          }
        }
        return scaleRows(active, (best as { r: tf.Tensor }).r);
      });
      active.dispose();
      const nextTotal = tf.add(total, step);
      tf.dispose([total, step, adversarial]);
      total = nextTotal;
      adversarial = tf.tidy(() => tf.clipByValue(tf.add(x, tf.mul(total, 1 + overshoot)), 0, 1));
      await checkpoint(control, "DeepFool", adversarial, done + 1, steps);
    }
    return { adversarial, steps: done, backward };
  } catch (error) {
    adversarial.dispose();
    throw error;
  } finally {
    tf.dispose([y, order, total]);
  }
}
