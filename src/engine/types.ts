import type * as tf from "@tensorflow/tfjs-core";

/**
 * A differentiable classifier as the attacks see it: a batch of images in [0,1]
 * (NHWC, or [N, D] for flat models) goes in, raw logits [N, C] come out.
 * Attacks never see probabilities: cross-entropy on logits does not saturate.
 */
export type LogitsFn = (x: tf.Tensor) => tf.Tensor2D;

/** One row of a top-k list, plain data for the store and the views. */
export interface ClassScore {
  classIndex: number;
  probability: number;
}
