import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";

/**
 * A defence that looks robust and is not (Athalye, Carlini & Wagner 2018): reduce each pixel to
 * a few grey values before the classifier sees it (colour-depth reduction, as in Xu et al.'s
 * feature squeezing and Guo et al.'s input transformations). The staircase is flat almost
 * everywhere, so its derivative is zero and gradient attacks through it get no signal: they
 * shatter on it, and the defended model seems to hold. BPDA (backward pass differentiable
 * approximation) keeps the staircase on the way forward and uses the identity, its smooth
 * approximation, on the way back: the attack sees the real model's gradient again.
 */

function assertLevels(levels: number): void {
  if (!Number.isInteger(levels) || levels < 2 || levels > 256)
    throw new RangeError(
      `The number of grey values must be a whole number in 2..256, got ${levels}.`,
    );
}

/**
 * Each pixel rounded to the nearest of `levels` evenly spaced values in [0,1]: 2 binarises at
 * 0.5. tf.round's gradient is zero, so no gradient flows through this.
 */
export function quantiseTo(x: tf.Tensor, levels: number): tf.Tensor {
  assertLevels(levels);
  const top = levels - 1;
  return tf.tidy(() => tf.div(tf.round(tf.mul(tf.clipByValue(x, 0, 1), top)), top));
}

/** The defended classifier: `f` after the quantisation, as any attack sees it. */
export function quantisedLogits(f: LogitsFn, levels: number): LogitsFn {
  assertLevels(levels);
  return (x) => f(quantiseTo(x, levels));
}

/**
 * The same forward pass as `quantisedLogits`, with BPDA's backward pass: the quantisation's
 * gradient replaced by the identity's (straight through), so the gradient is the classifier's
 * own at the quantised input.
 */
export function bpdaLogits(f: LogitsFn, levels: number): LogitsFn {
  assertLevels(levels);
  const straightThrough = tf.customGrad((...inputs) => ({
    value: quantiseTo(inputs[0] as tf.Tensor, levels),
    gradFunc: (dy: tf.Tensor) => dy,
  }));
  return (x) => f(straightThrough(x));
}
