import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { throwIfAborted } from "../abort";
import { perExampleCrossEntropy } from "../attacks/loss";
import { type Batch, epochBatches, makeBatch } from "./batches";
import { digitLogits } from "./digitModels";
import type { DigitSet } from "./mnistFormat";

/** Hyper-parameters of a training run. Same values, same seed: the same run, bit for bit on cpu. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Seeds the batch order (the weights' seed is the model's, see `buildDigitModel`). */
  seed: number;
}

/** Where a run is, reported after every batch. */
export interface TrainProgress {
  epoch: number;
  /** Batches done in this epoch, 1-based. */
  batch: number;
  batchesPerEpoch: number;
  /** Mean training loss of this batch. */
  loss: number;
}

export interface TrainHooks {
  /** After each batch; awaited, so a caller can yield to the browser or pause here. */
  onBatch?: (progress: TrainProgress) => Promise<void> | void;
  /** After each epoch (1-based); awaited. */
  onEpoch?: (epoch: number) => Promise<void> | void;
  /** Aborting stops the run after the current batch with an "AbortError". */
  signal?: AbortSignal;
}

/** One optimisation step on a batch; returns the batch's mean loss (the caller disposes it). */
export type TrainStep = (batch: Batch) => tf.Scalar;

/** Mean softmax cross-entropy of `model` on a batch. */
export function meanLoss(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor1D): tf.Scalar {
  return tf.tidy(
    () => tf.mean(perExampleCrossEntropy(digitLogits(model)(x), y, false)) as tf.Scalar,
  );
}

/** Ordinary empirical-risk minimisation: one gradient step on the clean batch. */
export function standardStep(model: tfl.LayersModel, optimizer: tf.Optimizer): TrainStep {
  // Only this model's weights: other trainable variables (a free-training delta) stay out.
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return ({ x, y }) => optimizer.minimize(() => meanLoss(model, x, y), true, weights) as tf.Scalar;
}

/**
 * Runs `step` over `epochs` seeded passes through `train`. Each batch is built, stepped and
 * freed; the loss is read asynchronously so the page can keep drawing between batches.
 */
export async function runEpochs(
  train: DigitSet,
  step: TrainStep,
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<void> {
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const batches = epochBatches(train.count, options.batchSize, options.seed, epoch);
    for (const [b, indices] of batches.entries()) {
      throwIfAborted(hooks.signal, "Training aborted");
      const batch = makeBatch(train, indices);
      let lossTensor: tf.Scalar;
      try {
        lossTensor = step(batch);
      } finally {
        tf.dispose([batch.x, batch.y]);
      }
      const loss = (await lossTensor.data())[0];
      lossTensor.dispose();
      await hooks.onBatch?.({ epoch, batch: b + 1, batchesPerEpoch: batches.length, loss });
    }
    await hooks.onEpoch?.(epoch);
  }
}

/** Standard training of a digit model with Adam; the optimizer is freed at the end. */
export async function trainDigitModel(
  model: tfl.LayersModel,
  train: DigitSet,
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<void> {
  const optimizer = tf.train.adam(options.learningRate);
  try {
    await runEpochs(train, standardStep(model, optimizer), options, hooks);
  } finally {
    optimizer.dispose();
  }
}
