import * as tf from "@tensorflow/tfjs-core";

/**
 * One value per example [N] shaped [N, 1, ...] to broadcast against a batch like `t`, so a mask
 * or scale applies to whole examples (tf.where aligns a bare [N] with the LAST axis instead).
 */
export const asRows = (v: tf.Tensor, t: tf.Tensor): tf.Tensor =>
  tf.reshape(v, [t.shape[0], ...t.shape.slice(1).map(() => 1)]);
