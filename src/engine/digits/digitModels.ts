import * as tf from "@tensorflow/tfjs";
import type { LogitsFn } from "../types";

/** The three built-in digit classifiers, built differently enough for transfer to be interesting. */
export type DigitModelKind = "softmax" | "mlp" | "cnn";

export const DIGIT_MODEL_KINDS: readonly DigitModelKind[] = ["softmax", "mlp", "cnn"];

/** What the page says about each built-in model. */
export const DIGIT_MODEL_INFO: Record<
  DigitModelKind,
  { name: string; shortName: string; layers: string }
> = {
  softmax: { name: "Softmax regression", shortName: "Softmax", layers: "784 → 10, linear" },
  mlp: { name: "Multilayer perceptron", shortName: "MLP", layers: "784 → 128 ReLU → 10" },
  cnn: {
    name: "Convolutional network",
    shortName: "CNN",
    layers: "conv 3×3×8 → pool → conv 3×3×16 → pool → 10",
  },
};

/** Digits are [N, 28, 28, 1] in [0,1] for every model; outputs are 10 logits (no softmax). */
export const DIGIT_INPUT_SHAPE = [28, 28, 1] as const;
export const DIGIT_CLASSES = 10;

/**
 * A fresh model of `kind` with seeded Glorot-uniform weights and zero biases, so a given seed
 * always starts from the same point (every training method compares from the same start).
 */
export function buildDigitModel(kind: DigitModelKind, seed: number): tf.Sequential {
  let layerSeed = seed;
  const init = () => tf.initializers.glorotUniform({ seed: layerSeed++ });
  const model = tf.sequential({ name: `digits_${kind}` });
  const dense = (units: number, activation: "relu" | "linear") =>
    tf.layers.dense({ units, activation, kernelInitializer: init() });
  const conv = (filters: number) =>
    tf.layers.conv2d({ filters, kernelSize: 3, activation: "relu", kernelInitializer: init() });
  if (kind === "cnn") {
    model.add(
      tf.layers.conv2d({
        inputShape: [...DIGIT_INPUT_SHAPE],
        filters: 8,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: init(),
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(conv(16));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.flatten());
  } else {
    model.add(tf.layers.flatten({ inputShape: [...DIGIT_INPUT_SHAPE] }));
    if (kind === "mlp") model.add(dense(128, "relu"));
  }
  model.add(dense(DIGIT_CLASSES, "linear"));
  return model;
}

/** The model as the attacks see it: images in, logits out. */
export function digitLogits(model: tf.LayersModel): LogitsFn {
  return (x) => model.apply(x) as tf.Tensor2D;
}
