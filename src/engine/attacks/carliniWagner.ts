import * as tf from "@tensorflow/tfjs-core";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import { checkpoint, type IterationControl } from "./iterate";
import { assertSteps } from "./params";
import { asRows } from "./rows";

/**
 * Carlini-Wagner L2's options. c = 1 and kappa = 0 as torchattacks sets them. The reference
 * implementations run Adam at 0.01 for 1,000-10,000 steps; a browser affords 100 per c, so the
 * rate is 0.1: pixels at exactly 0 or 1 sit where tanh is flat (w = +-7), and at 0.01 they could
 * move only 1 in w in 100 steps, which barely changes them.
 */
export interface CarliniWagnerOptions {
  /** Adam steps per value of c. */
  steps?: number;
  binarySearchSteps?: number;
  /** The first c: the weight of the margin loss against the squared L2 distance. */
  initialConst?: number;
  /**
   * kappa: how far past the boundary the logit margin must go. A candidate counts as a success
   * (and can be kept) only once it does, as in the authors' code (nn_robust_attacks' `compare`).
   */
  confidence?: number;
  learningRate?: number;
  /** `labels` are targets to reach, not true classes to leave. */
  targeted?: boolean;
  /** Keep only candidates that still succeed once rounded to 8 bits (and return them rounded). */
  eightBit?: boolean;
}

export const CW_DEFAULTS = {
  steps: 100,
  binarySearchSteps: 5,
  initialConst: 1,
  confidence: 0,
  learningRate: 0.1,
  targeted: false,
  eightBit: false,
} as const;

export interface CarliniWagnerResult {
  /** The smallest successful example found for each input (the input itself if none). */
  adversarial: tf.Tensor;
  /** Per example: whether any c reached the margin kappa, and the L2 size of what is returned. */
  success: boolean[];
  distance: number[];
  /** Gradient steps taken in all (each one forward and one backward pass). */
  backward: number;
}

/**
 * Per example [N], how far logits Z are from the goal: the labelled logit minus the best other
 * one (untargeted), or the reverse (targeted). Below -kappa, the attack has succeeded.
 */
function gap(z: tf.Tensor2D, oneHot: tf.Tensor2D, targeted: boolean): tf.Tensor1D {
  return tf.tidy(() => {
    const own = tf.sum(tf.mul(z, oneHot), 1);
    const other = tf.max(tf.sub(z, tf.mul(oneHot, 1e9)), 1);
    return (targeted ? tf.sub(other, own) : tf.sub(own, other)) as tf.Tensor1D;
  });
}

/** The smallest successful example found so far for each input, and its L2 size. */
interface Best {
  adversarial: tf.Tensor;
  distance: number[];
}

/**
 * Moves into `best` the examples of `candidate` that succeed (`ok` [N]) closer than before
 * (`distance` [N]); answers which succeeded. Disposes nothing it was given.
 */
async function keepSmallest(
  best: Best,
  candidate: tf.Tensor,
  ok: tf.Tensor,
  distance: tf.Tensor,
): Promise<boolean[]> {
  const [okValues, dValues] = await Promise.all([ok.data(), distance.data()]);
  const succeeded = Array.from(okValues, (v) => v === 1);
  const improve = succeeded.map((won, i) => won && dValues[i] < best.distance[i]);
  if (improve.some(Boolean)) {
    const merged = tf.tidy(() => {
      const mask = tf.tensor1d(improve.map(Number), "bool");
      return tf.where(asRows(mask, candidate), candidate, best.adversarial);
    });
    best.adversarial.dispose();
    best.adversarial = merged;
    for (const [i, better] of improve.entries()) if (better) best.distance[i] = dValues[i];
  }
  return succeeded;
}

/**
 * Carlini & Wagner's L2 attack (2017). The image is written x' = (tanh(w) + 1) / 2, so any w is a
 * valid image, and Adam minimises ||x' - x||^2 + c * margin(x') over w. A binary search on c per
 * example keeps the smallest c that succeeds: small changes, found by optimisation, not by a
 * fixed budget. `control` sees each Adam step (progress, trace, cancel).
 */
export async function carliniWagnerL2(
  f: LogitsFn,
  x: tf.Tensor,
  labels: number[],
  opts: CarliniWagnerOptions = {},
  control: IterationControl = {},
): Promise<CarliniWagnerResult> {
  const o = { ...CW_DEFAULTS, ...opts };
  assertSteps(o.steps);
  assertSteps(o.binarySearchSteps);
  for (const [name, v] of [
    ["initialConst", o.initialConst],
    ["learningRate", o.learningRate],
  ] as const) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} must be > 0, got ${v}.`);
  }
  if (!(o.confidence >= 0)) throw new RangeError(`confidence must be >= 0, got ${o.confidence}.`);
  const n = x.shape[0];
  const flat = (t: tf.Tensor) => tf.reshape(t, [n, -1]);
  const oneHot = tf.tidy(
    () => tf.oneHot(tf.tensor1d(labels, "int32"), f(x).shape[1]) as tf.Tensor2D,
  );
  // atanh(u) = log((1 + u) / (1 - u)) / 2 of x mapped into (-1, 1), a little inside so the ends
  // stay finite (written out: wasm has no Atanh kernel).
  const w0 = tf.tidy(() => {
    const u = tf.mul(tf.sub(tf.mul(x, 2), 1), 1 - 1e-6);
    return tf.mul(tf.log(tf.div(tf.add(1, u), tf.sub(1, u))), 0.5);
  });
  const best: Best = {
    adversarial: x.clone(),
    distance: labels.map(() => Number.POSITIVE_INFINITY),
  };
  const c = labels.map(() => o.initialConst);
  const lower = labels.map(() => 0);
  const upper = labels.map(() => Number.POSITIVE_INFINITY);
  let backward = 0;
  const total = o.steps * o.binarySearchSteps;
  const image = (w: tf.Tensor) => tf.div(tf.add(tf.tanh(w), 1), 2);
  try {
    for (let search = 0; search < o.binarySearchSteps; search++) {
      // Each search restarts from x: the variable starts on w0's values (Adam's updates replace
      // the variable's data, never w0's).
      const w = tf.variable(w0);
      const constants = tf.tensor1d(c);
      const optimizer = tf.train.adam(o.learningRate);
      const succeeded = labels.map(() => false);
      try {
        for (let step = 0; step < o.steps; step++) {
          const cost = optimizer.minimize(
            () =>
              tf.tidy(() => {
                const distance = tf.sum(tf.square(flat(tf.sub(image(w), x))), 1);
                return tf.sum(
                  tf.add(
                    distance,
                    tf.mul(
                      constants,
                      tf.maximum(gap(f(image(w)), oneHot, o.targeted), -o.confidence),
                    ),
                  ),
                );
              }) as tf.Scalar,
            false,
            [w],
          );
          cost?.dispose();
          backward++;
          // Keep every example's smallest success so far: past the boundary by at least kappa.
          const [candidate, ok, d] = tf.tidy(() => {
            const xAdv = o.eightBit ? quantize8bit(image(w)) : image(w);
            return [
              xAdv,
              tf.less(gap(f(xAdv), oneHot, o.targeted), -o.confidence),
              tf.sqrt(tf.sum(tf.square(flat(tf.sub(xAdv, x))), 1)),
            ];
          });
          const okValues = await keepSmallest(best, candidate, ok, d).finally(() =>
            tf.dispose([ok, d]),
          );
          for (const i of labels.keys()) succeeded[i] ||= okValues[i];
          const done = search * o.steps + step + 1;
          await checkpoint(control, "The C&W attack", candidate, done, total).finally(() =>
            candidate.dispose(),
          );
        }
      } finally {
        tf.dispose([w, constants]);
        optimizer.dispose();
      }
      // Binary search: a smaller c if this one worked, else a larger one (x10 until bracketed).
      for (const i of labels.keys()) {
        if (succeeded[i]) upper[i] = Math.min(upper[i], c[i]);
        else lower[i] = Math.max(lower[i], c[i]);
        c[i] = Number.isFinite(upper[i]) ? (lower[i] + upper[i]) / 2 : c[i] * 10;
      }
    }
    const success = best.distance.map(Number.isFinite);
    return {
      adversarial: best.adversarial,
      success,
      distance: best.distance.map((d) => (Number.isFinite(d) ? d : 0)),
      backward,
    };
  } catch (error) {
    best.adversarial.dispose();
    throw error;
  } finally {
    tf.dispose([oneHot, w0]);
  }
}
