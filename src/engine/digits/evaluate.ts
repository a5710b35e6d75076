import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { forEachBatch } from "./batches";
import type { DigitSet } from "./mnistFormat";

/** Accuracy of `f` on every digit of `set`, in batches. */
export async function accuracy(f: LogitsFn, set: DigitSet, batchSize = 500): Promise<number> {
  let correct = 0;
  await forEachBatch(set, batchSize, async ({ x, y }) => {
    const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(f(x), 1), y), "int32")));
    correct += (await hits.data())[0];
    hits.dispose();
  });
  return correct / set.count;
}
