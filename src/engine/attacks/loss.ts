import * as tf from "@tensorflow/tfjs-core";

/** Class labels: one integer class index per batch row, as a plain array or a 1-D tensor. */
export type Labels = number[] | tf.Tensor1D;

/**
 * Throws a `RangeError` unless there is one label per batch row (`n`) and, for plain
 * arrays, each is an integer in [0, classes) (upper bound skipped if `classes` is omitted).
 * Tensor label values are not read (that would force a GPU sync); only their shape is checked.
 */
export function assertLabels(labels: Labels, n: number, classes?: number): void {
  const count = Array.isArray(labels) ? labels.length : labels.shape[0];
  if (!Array.isArray(labels) && labels.rank !== 1) {
    throw new RangeError(`Labels must be a 1-D tensor, got rank ${labels.rank}.`);
  }
  if (count !== n) throw new RangeError(`Expected ${n} labels (one per batch row), got ${count}.`);
  if (!Array.isArray(labels)) return;
  const max = classes ?? Number.POSITIVE_INFINITY;
  for (const y of labels) {
    if (!Number.isInteger(y) || y < 0 || y >= max) {
      const range = classes === undefined ? "a non-negative integer" : `in [0, ${max - 1}]`;
      throw new RangeError(`Label ${y} is not a class index ${range}.`);
    }
  }
}

/**
 * Softmax cross-entropy of each row: -log softmax(logits)[label], computed with
 * logSoftmax so it stays finite for large logits. Returns [N].
 * `checkClasses = false` skips only the label < C check (see `inputGradient`).
 */
export function perExampleCrossEntropy(
  logits: tf.Tensor2D,
  labels: Labels,
  checkClasses = true,
): tf.Tensor1D {
  if (logits.rank !== 2) throw new RangeError(`Logits must be [N, C], got rank ${logits.rank}.`);
  const [n, c] = logits.shape;
  assertLabels(labels, n, checkClasses ? c : undefined);
  return tf.tidy(() => {
    const idx = Array.isArray(labels) ? tf.tensor1d(labels, "int32") : tf.cast(labels, "int32");
    const oneHot = tf.oneHot(idx as tf.Tensor1D, c).toFloat();
    return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)) as tf.Tensor1D;
  });
}

/**
 * Softmax cross-entropy SUMMED (not averaged) over the batch. Because each row's loss
 * depends only on its own input, the gradient w.r.t. row i of the input is the same
 * whether row i is attacked alone or inside a batch of any size. (A mean would shrink
 * every per-example input gradient by 1/N.)
 */
export function crossEntropy(logits: tf.Tensor2D, labels: Labels, checkClasses = true): tf.Scalar {
  return tf.tidy(() => tf.sum(perExampleCrossEntropy(logits, labels, checkClasses)) as tf.Scalar);
}
