import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { forEachBatch } from "./batches";
import type { DigitSet } from "./mnistFormat";

/** How many rows of `logits` pick their label, as an int32 scalar (the caller disposes it). */
export function countHits(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), "int32")));
}

/** Accuracy of `f` on every digit of `set`, in batches. */
export async function accuracy(f: LogitsFn, set: DigitSet, batchSize = 500): Promise<number> {
  let correct = 0;
  await forEachBatch(set, batchSize, async ({ x, y }) => {
    const hits = tf.tidy(() => countHits(f(x), y));
    correct += (await hits.data())[0];
    hits.dispose();
  });
  return correct / set.count;
}
