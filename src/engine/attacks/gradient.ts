import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { assertLabels, crossEntropy, type Labels } from "./loss";

/**
 * Gradient of the summed cross-entropy `crossEntropy(f(x), labels)` with respect to the
 * input `x` (same shape as `x`). Row i of the result is the gradient of example i's own
 * loss, independent of batch size. The caller owns (and disposes) the returned tensor.
 *
 * Labels are validated outside the gradient tape: an exception thrown inside `tf.grad`
 * leaks the tensors tfjs saved for the backward pass (so does an error thrown by `f`).
 */
export function inputGradient(f: LogitsFn, x: tf.Tensor, labels: Labels): tf.Tensor {
  assertLabels(labels, x.shape[0]);
  let classes = 0;
  const grad = tf.tidy(() =>
    tf.grad((xi: tf.Tensor) => {
      const logits = f(xi);
      classes = logits.shape[1];
      return crossEntropy(logits, labels, false);
    })(x),
  );
  try {
    assertLabels(labels, x.shape[0], classes); // the class count is only known now
  } catch (err) {
    grad.dispose();
    throw err;
  }
  return grad;
}
