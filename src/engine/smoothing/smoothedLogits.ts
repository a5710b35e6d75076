import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";

/**
 * The soft smoothed classifier as attacks see it: log of the mean softmax of `f` over `samples`
 * copies of each input with Gaussian noise of std `sigma`, the same seeded noise on every call
 * (so an attack descends one fixed expectation, as in Salman et al. 2019's SmoothAdv).
 */
export function smoothedLogits(
  f: LogitsFn,
  sigma: number,
  samples: number,
  seed: number,
): LogitsFn {
  return (x) =>
    tf.tidy(() => {
      const n = x.shape[0];
      // Row k * n + i is a copy of input i. concat's gradient is slices, which every backend
      // has (gather's needs UnsortedSegmentSum, which wasm lacks; tile's is not registered).
      const copies = tf.concat(
        Array.from({ length: samples }, () => x),
        0,
      );
      const noisy = tf.add(copies, tf.randomNormal(copies.shape, 0, sigma, "float32", seed));
      const probs = tf.softmax(f(noisy));
      const mean = tf.mean(tf.reshape(probs, [samples, n, -1]), 0);
      return tf.log(tf.maximum(mean, 1e-12)) as tf.Tensor2D;
    });
}
