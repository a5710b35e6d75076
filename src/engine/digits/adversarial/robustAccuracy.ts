import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { fgsm } from "../../attacks/fgsm";
import { pgd } from "../../attacks/pgd";
import { forEachBatch } from "../batches";
import { digitLogits } from "../digitModels";
import type { DigitSet } from "../mnistFormat";

/** How the robust accuracy is measured. */
export interface RobustAccuracyOptions {
  /** L-inf budget of the PGD attack. */
  eps: number;
  /** PGD steps (random start, default step size). */
  steps: number;
  /** Seeds the random starts (batch at offset s uses seed + s). */
  seed: number;
  /** Digits per batch (default 250). */
  batchSize?: number;
  /**
   * Also measure accuracy under one FGSM step of size eps from x: the attack single-step
   * training learns to beat, so its gap to PGD shows catastrophic overfitting.
   */
  withFgsm?: boolean;
}

/** Accuracies in [0,1]; `fgsm` is null unless asked for. */
export interface AttackedAccuracy {
  clean: number;
  robust: number;
  fgsm: number | null;
}

/**
 * Accuracy of `model` on every digit of `set`, clean and under a seeded PGD attack (a digit
 * counts as robust if its attacked version is classified correctly). Batched, awaiting the
 * backend between batches so a worker's event loop is never blocked for long.
 */
export async function cleanAndRobustAccuracy(
  model: tfl.LayersModel,
  set: DigitSet,
  opts: RobustAccuracyOptions,
): Promise<AttackedAccuracy> {
  const f = digitLogits(model);
  const hits = (x: tf.Tensor, y: tf.Tensor1D) =>
    tf.sum(tf.cast(tf.equal(tf.argMax(f(x), 1), y), "int32"));
  let clean = 0;
  let robust = 0;
  let single = 0;
  await forEachBatch(set, opts.batchSize ?? 250, async ({ x, y }, start) => {
    const counts = tf.tidy(() => {
      const xAdv = pgd(f, x, y, {
        eps: opts.eps,
        steps: opts.steps,
        randomStart: true,
        seed: opts.seed + start,
      });
      const counted = [hits(x, y), hits(xAdv, y)];
      if (opts.withFgsm) counted.push(hits(fgsm(f, x, y, { eps: opts.eps }), y));
      return tf.stack(counted);
    });
    const [c, r, s = 0] = await counts.data();
    counts.dispose();
    clean += c;
    robust += r;
    single += s;
  });
  const n = set.count;
  return { clean: clean / n, robust: robust / n, fgsm: opts.withFgsm ? single / n : null };
}
