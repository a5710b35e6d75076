import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";

/**
 * Tiny deterministic models for the attack tests (seeded weights, no training).
 * Weights live until `dispose()`; `f` creates no lasting tensors.
 */
export interface TestModel {
  /** Logits function over a batch. */
  f: LogitsFn;
  /** Shape of one input example (without the batch dimension). */
  inputShape: number[];
  /** Number of classes. */
  classes: number;
  /** Frees the weights. */
  dispose(): void;
}

/** Smooth MLP on flat [N, 12] inputs: tanh(x W1 + b1) W2 + b2, 4 classes. */
export function tanhMlp(seed = 1, hidden = 16, scale = 1): TestModel {
  const w1 = tf.randomNormal([12, hidden], 0, scale, "float32", seed);
  const b1 = tf.randomNormal([hidden], 0, 0.5, "float32", seed + 1);
  const w2 = tf.randomNormal([hidden, 4], 0, 1, "float32", seed + 2);
  const b2 = tf.randomNormal([4], 0, 0.1, "float32", seed + 3);
  const f: LogitsFn = (x) =>
    tf.tidy(() => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x as tf.Tensor2D, w1), b1)), w2), b2));
  return { f, inputShape: [12], classes: 4, dispose: () => tf.dispose([w1, b1, w2, b2]) };
}

/** Tiny conv net on [N, 6, 6, 3]: conv3x3 (4 filters, relu) -> flatten -> dense, 3 classes. */
export function tinyConvNet(seed = 2): TestModel {
  const k = tf.randomNormal([3, 3, 3, 4], 0, 0.5, "float32", seed);
  const kb = tf.randomNormal([4], 0, 0.1, "float32", seed + 1);
  const w = tf.randomNormal([6 * 6 * 4, 3], 0, 0.3, "float32", seed + 2);
  const f: LogitsFn = (x) =>
    tf.tidy(() => {
      const h = tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, 1, "same"), kb));
      return tf.matMul(tf.reshape(h, [x.shape[0], -1]), w) as tf.Tensor2D;
    });
  return { f, inputShape: [6, 6, 3], classes: 3, dispose: () => tf.dispose([k, kb, w]) };
}

/** Linear softmax model (multinomial logistic regression) on flat [N, d] inputs. */
export function linearModel(d = 12, classes = 3, seed = 3): TestModel {
  const w = tf.randomNormal([d, classes], 0, 1, "float32", seed);
  const b = tf.randomNormal([classes], 0, 0.1, "float32", seed + 1);
  const f: LogitsFn = (x) => tf.tidy(() => tf.add(tf.matMul(x as tf.Tensor2D, w), b));
  return { f, inputShape: [d], classes, dispose: () => tf.dispose([w, b]) };
}

/**
 * A seeded batch of n inputs in [lo, hi]. With `withExtremes`, the first pixels of every
 * example are forced to exactly 0 and 1 so that clipping to [0,1] is exercised.
 */
export function randomInputs(
  shape: number[],
  n: number,
  seed = 10,
  lo = 0,
  hi = 1,
  withExtremes = false,
): tf.Tensor {
  return tf.tidy(() => {
    const x = tf.randomUniform([n, ...shape], lo, hi, "float32", seed);
    if (!withExtremes) return x;
    const size = shape.reduce((a, b) => a * b, 1);
    const mask = Array.from({ length: size }, (_, i) => (i % 5 === 0 ? 0 : i % 5 === 1 ? 1 : -1));
    const m = tf
      .tensor(mask, shape)
      .expandDims(0)
      .tile([n, ...shape.map(() => 1)]);
    return tf.where(tf.equal(m, -1), x, m);
  });
}
