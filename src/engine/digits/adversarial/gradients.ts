import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { meanLoss } from "../train";

/** The model's own trainable variables (a perturbation variable stays out of the update). */
export function modelWeights(model: tfl.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** What one backward pass of the mean loss yields. */
export interface LossGradients {
  /** Mean loss of the batch. */
  value: tf.Scalar;
  /** Gradients of the loss w.r.t. the weights, by variable name (ready for `applyGradients`). */
  weightGrads: tf.NamedTensorMap;
  /** Gradient of the loss w.r.t. `v`: the batch itself or a perturbation of it. */
  inputGrad: tf.Tensor;
}

/**
 * ONE forward and ONE backward pass of the mean loss at `input(v)`, giving the weight gradients
 * and the gradient w.r.t. `v` together (the trick free and FGSM training share). `v` must be a
 * trainable variable: variableGrads ignores the others. Call inside tf.tidy.
 */
export function lossGradients(
  model: tfl.LayersModel,
  weights: tf.Variable[],
  v: tf.Variable,
  y: tf.Tensor1D,
  input: (v: tf.Variable) => tf.Tensor = (t) => t,
): LossGradients {
  const { value, grads } = tf.variableGrads(() => meanLoss(model, input(v), y), [...weights, v]);
  const inputGrad = grads[v.name];
  delete grads[v.name];
  return { value, weightGrads: grads, inputGrad };
}
