import * as tf from "@tensorflow/tfjs-core";

/**
 * Euclidean projection of `xAdv` onto {z : ||z - x||_inf <= eps} intersected with [0,1]^d.
 * Both sets are boxes, so the projection is an element-wise clip: first into
 * [x - eps, x + eps], then into [0, 1] (the two intervals overlap because x is in [0,1]).
 */
export function projectLinf(xAdv: tf.Tensor, x: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const inBall = tf.minimum(tf.maximum(xAdv, tf.sub(x, eps)), tf.add(x, eps));
    return tf.clipByValue(inBall, 0, 1);
  });
}
