import * as tf from "@tensorflow/tfjs-core";
import { shuffledIndices } from "../random";
import type { DigitSet } from "./mnistFormat";

/** A minibatch: images [B, 28, 28, 1] in [0,1] and their int32 labels [B]. */
export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor1D;
}

/** The digits at `indices` as a batch (gathered on the CPU, one upload). Caller disposes. */
export function makeBatch(set: DigitSet, indices: ArrayLike<number>): Batch {
  const size = set.rows * set.cols;
  const pixels = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    labels[k] = set.labels[i];
    for (let p = 0; p < size; p++) pixels[k * size + p] = set.pixels[i * size + p] / 255;
  }
  return {
    x: tf.tensor4d(pixels, [indices.length, set.rows, set.cols, 1]),
    y: tf.tensor1d(labels, "int32"),
  };
}

/**
 * The batch order of one epoch: a seeded shuffle of the set cut into batches of `batchSize`
 * (the last one may be smaller). Same seed and epoch, same order, for every training method.
 */
export function epochBatches(
  count: number,
  batchSize: number,
  seed: number,
  epoch: number,
): Int32Array[] {
  const order = shuffledIndices(count, seed * 1000 + epoch);
  const batches: Int32Array[] = [];
  for (let start = 0; start < count; start += batchSize) {
    batches.push(order.subarray(start, Math.min(count, start + batchSize)));
  }
  return batches;
}

/** Calls `fn` on consecutive batches of `set` (in order) and disposes each batch afterwards. */
export async function forEachBatch(
  set: DigitSet,
  batchSize: number,
  fn: (batch: Batch, start: number) => Promise<void> | void,
): Promise<void> {
  for (let start = 0; start < set.count; start += batchSize) {
    const end = Math.min(set.count, start + batchSize);
    const batch = makeBatch(
      set,
      Int32Array.from({ length: end - start }, (_, k) => start + k),
    );
    try {
      await fn(batch, start);
    } finally {
      tf.dispose([batch.x, batch.y]);
    }
  }
}
