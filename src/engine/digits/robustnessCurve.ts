import * as tf from "@tensorflow/tfjs-core";
import { throwIfAborted } from "../abort";
import { fgsmFromSign } from "../attacks/fgsm";
import { inputGradient } from "../attacks/gradient";
import type { LogitsFn } from "../types";
import { forEachBatch } from "./batches";
import type { DigitSet } from "./mnistFormat";

/** FGSM's effect at one eps on a whole test set. */
export interface RobustnessPoint {
  /** eps in 8-bit grey levels (eps = level/255). */
  epsLevel: number;
  /** Fraction of digits misclassified. */
  errorRate: number;
  /**
   * Mean softmax probability of the predicted class over the misclassified digits (the
   * "average confidence" Goodfellow et al. report for wrong answers); NaN if none is wrong.
   */
  meanWrongConfidence: number;
  /** Mean probability of the predicted class over all digits. */
  meanConfidence: number;
}

/**
 * Error rate and confidence of `f` under untargeted FGSM at each eps level, on every digit of
 * `set`. FGSM's direction sign(grad) does not depend on eps, so each batch costs one backward
 * pass and then one forward pass per level. Levels are whole grey levels, so x + eps*sign is
 * already an 8-bit image: what is counted is what a PNG of it would give.
 */
export async function fgsmRobustnessCurve(
  f: LogitsFn,
  set: DigitSet,
  levels: number[],
  options: {
    batchSize?: number;
    signal?: AbortSignal;
    onBatch?: (done: number) => Promise<void> | void;
  } = {},
): Promise<RobustnessPoint[]> {
  const wrong = new Float64Array(levels.length);
  const wrongConf = new Float64Array(levels.length);
  const conf = new Float64Array(levels.length);
  await forEachBatch(set, options.batchSize ?? 250, async ({ x, y }, start) => {
    throwIfAborted(options.signal);
    // One backward pass, one forward pass per level, and a single read of all the counts.
    const stats = tf.tidy(() => {
      const sign = tf.sign(inputGradient(f, x, y));
      const rows = levels.map((level) => {
        const probs = tf.softmax(f(fgsmFromSign(x, sign, level / 255)));
        const top = tf.max(probs, 1);
        const isWrong = tf.cast(tf.notEqual(tf.argMax(probs, 1), y), "float32");
        return tf.stack([tf.sum(isWrong), tf.sum(tf.mul(isWrong, top)), tf.sum(top)]);
      });
      return tf.stack(rows);
    });
    const values = await stats.data();
    stats.dispose();
    for (let k = 0; k < levels.length; k++) {
      wrong[k] += values[3 * k];
      wrongConf[k] += values[3 * k + 1];
      conf[k] += values[3 * k + 2];
    }
    await options.onBatch?.(Math.min(set.count, start + (options.batchSize ?? 250)));
  });
  return levels.map((epsLevel, k) => ({
    epsLevel,
    errorRate: wrong[k] / set.count,
    meanWrongConfidence: wrong[k] > 0 ? wrongConf[k] / wrong[k] : Number.NaN,
    meanConfidence: conf[k] / set.count,
  }));
}

/**
 * Combines curves measured on disjoint parts of a test set (same levels, in the same order)
 * into the curve of the whole: rates weighted by each part's size, the confidence when wrong
 * weighted by each part's number of wrong answers.
 */
export function mergeRobustness(
  parts: { count: number; points: RobustnessPoint[] }[],
): RobustnessPoint[] {
  const total = parts.reduce((n, p) => n + p.count, 0);
  return parts[0].points.map((first, k) => {
    let errors = 0;
    let wrongConf = 0;
    let conf = 0;
    for (const { count, points } of parts) {
      const wrong = points[k].errorRate * count;
      errors += wrong;
      if (wrong > 0) wrongConf += points[k].meanWrongConfidence * wrong;
      conf += points[k].meanConfidence * count;
    }
    return {
      epsLevel: first.epsLevel,
      errorRate: errors / total,
      meanWrongConfidence: errors > 0 ? wrongConf / errors : Number.NaN,
      meanConfidence: conf / total,
    };
  });
}
