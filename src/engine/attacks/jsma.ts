import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { checkpoint, type IterationControl } from "./iterate";

/**
 * JSMA's options. theta = 1 (pixels pushed to white) as in Papernot et al.; gamma = 0.1 as in
 * CleverHans v3.1.0's MNIST JSMA tutorial (cleverhans_tutorials/mnist_tutorial_jsma.py), a
 * library's setting rather than a figure read in the paper (see chapters/publishedFigures.ts).
 */
export interface JsmaOptions {
  /** How much each chosen pixel changes (+1 sets it to white; the result is clipped to [0,1]). */
  theta?: number;
  /** The largest share of pixels the attack may change. */
  gamma?: number;
}

export const JSMA_DEFAULTS = { theta: 1, gamma: 0.1 } as const;

export interface JsmaResult {
  adversarial: tf.Tensor;
  /** Pixels changed (the L0 size), and whether the target was reached. */
  changed: number;
  success: boolean;
  /** Gradients taken (two per iteration: the target's logit and the sum of all logits). */
  backward: number;
}

/**
 * The best pixel pair by Papernot et al.'s saliency map: alpha = d Z_t / dx (the target's logit),
 * beta = the same for all other logits together. A pair qualifies when it raises the target
 * (alpha_p + alpha_q > 0) and lowers the rest (beta_p + beta_q < 0), and scores
 * (alpha_p + alpha_q) * |beta_p + beta_q|. Only pixels still in `domain` are searched. For
 * theta < 0 the signs of alpha and beta are flipped, which searches for pixels to darken.
 */
export function bestPair(
  alpha: Float32Array,
  beta: Float32Array,
  domain: Uint8Array,
): [number, number] | null {
  let best = 0;
  let pair: [number, number] | null = null;
  const open: number[] = [];
  for (let p = 0; p < domain.length; p++) if (domain[p]) open.push(p);
  for (let i = 0; i < open.length; i++) {
    const p = open[i];
    for (let j = i + 1; j < open.length; j++) {
      const q = open[j];
      const a = alpha[p] + alpha[q];
      const b = beta[p] + beta[q];
      if (a > 0 && b < 0 && a * -b > best) {
        best = a * -b;
        pair = [p, q];
      }
    }
  }
  return pair;
}

/**
 * The Jacobian-based saliency map attack (Papernot et al. 2016), targeted, L0: on one image
 * [1, ...], two pixels at a time, the pair the saliency map ranks first is moved by theta, until
 * the model reads `target` or gamma of the pixels have changed. Pixels that reach 0 or 1 leave
 * the search. `control` sees each pair's step (progress, trace, cancel).
 */
export async function jsma(
  f: LogitsFn,
  x: tf.Tensor,
  target: number,
  opts: JsmaOptions = {},
  control: IterationControl = {},
): Promise<JsmaResult> {
  const { theta, gamma } = { ...JSMA_DEFAULTS, ...opts };
  if (x.shape[0] !== 1)
    throw new RangeError(`JSMA attacks one image at a time, got ${x.shape[0]}.`);
  if (!(theta !== 0 && Math.abs(theta) <= 1))
    throw new RangeError(`theta must be in [-1, 1] and not 0, got ${theta}.`);
  if (!(gamma > 0 && gamma <= 1)) throw new RangeError(`gamma must be in (0, 1], got ${gamma}.`);
  const values = (await x.data()) as Float32Array;
  const pixels = Float32Array.from(values);
  const size = pixels.length;
  const budget = Math.floor(gamma * size);
  const sign = Math.sign(theta);
  // A pixel already at the end theta pushes toward cannot move.
  const domain = Uint8Array.from(pixels, (v) => ((sign > 0 ? v < 1 : v > 0) ? 1 : 0));
  const changed = new Set<number>();
  let backward = 0;
  let steps = 0;
  let success = false;
  while (changed.size + 2 <= budget) {
    const xt = tf.tensor(pixels, x.shape);
    const [prediction, gT, gAll] = tf.tidy(() => {
      const grad = (pick: (z: tf.Tensor2D) => tf.Tensor) =>
        tf.grad((v: tf.Tensor) => tf.sum(pick(f(v))))(xt);
      const logits = f(xt);
      const onTarget = tf.oneHot([target], logits.shape[1]);
      return [tf.argMax(logits, 1), grad((z) => tf.mul(z, onTarget)), grad((z) => z)];
    });
    backward += 2;
    const [pred, a, all] = await Promise.all([prediction.data(), gT.data(), gAll.data()]);
    tf.dispose([xt, prediction, gT, gAll]);
    if (pred[0] === target) {
      success = true;
      break;
    }
    const alpha = Float32Array.from(a, (v) => sign * v);
    const beta = Float32Array.from(all, (v, i) => sign * (v - a[i]));
    const pair = bestPair(alpha, beta, domain);
    if (!pair) break;
    for (const p of pair) {
      pixels[p] = Math.min(1, Math.max(0, pixels[p] + theta));
      changed.add(p);
      if (pixels[p] === 0 || pixels[p] === 1) domain[p] = 0;
    }
    const now = tf.tensor(pixels, x.shape);
    steps++;
    const total = Math.max(steps, Math.floor(budget / 2)); // exact when theta = +-1
    await checkpoint(control, "JSMA", now, steps, total).finally(() => now.dispose());
  }
  if (!success) {
    const last = tf.tidy(() => tf.argMax(f(tf.tensor(pixels, x.shape)), 1));
    success = (await last.data())[0] === target;
    last.dispose();
  }
  return { adversarial: tf.tensor(pixels, x.shape), changed: changed.size, success, backward };
}
