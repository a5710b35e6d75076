import type * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { LogitsFn } from "../types";
import type { DigitModelKind } from "./digitModelKinds";

/** Digits are [N, 28, 28, 1] in [0,1] for every model; outputs are 10 logits (no softmax). */
export const DIGIT_INPUT_SHAPE = [28, 28, 1] as const;
export const DIGIT_CLASSES = 10;

/**
 * A fresh model of `kind` with seeded Glorot-uniform weights and zero biases, so a given seed
 * always starts from the same point (every training method compares from the same start).
 */
export function buildDigitModel(kind: DigitModelKind, seed: number): tfl.Sequential {
  let layerSeed = seed;
  const init = () => tfl.initializers.glorotUniform({ seed: layerSeed++ });
  const model = tfl.sequential({ name: `digits_${kind}` });
  const dense = (units: number, activation: "relu" | "linear") =>
    tfl.layers.dense({ units, activation, kernelInitializer: init() });
  const conv = (filters: number) =>
    tfl.layers.conv2d({ filters, kernelSize: 3, activation: "relu", kernelInitializer: init() });
  if (kind === "cnn") {
    model.add(
      tfl.layers.conv2d({
        inputShape: [...DIGIT_INPUT_SHAPE],
        filters: 8,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: init(),
      }),
    );
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(conv(16));
    model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tfl.layers.flatten());
  } else {
    model.add(tfl.layers.flatten({ inputShape: [...DIGIT_INPUT_SHAPE] }));
    if (kind === "mlp") model.add(dense(128, "relu"));
  }
  model.add(dense(DIGIT_CLASSES, "linear"));
  return model;
}

/** The model as the attacks see it: images in, logits out. */
export function digitLogits(model: tfl.LayersModel): LogitsFn {
  return (x) => model.apply(x) as tf.Tensor2D;
}
