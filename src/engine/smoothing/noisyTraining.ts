import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { accuracy } from "../digits/evaluate";
import type { DigitSet } from "../digits/mnistFormat";
import {
  meanLoss,
  runEpochs,
  type TrainHooks,
  type TrainOptions,
  type TrainStep,
} from "../digits/train";
import type { LogitsFn } from "../types";

/** A base classifier for randomized smoothing: trained on noisy digits at one sigma. */
export interface NoisyTrainOptions extends TrainOptions {
  sigma: number;
}

/**
 * Gaussian data augmentation (Cohen et al. 2019): every minibatch is seen with fresh noise of
 * std `sigma` added (not clipped, as the smoothed classifier will see it), seeded per step.
 */
export function noisyStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  sigma: number,
  seed: number,
): TrainStep {
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let step = 0;
  return ({ x, y }) => {
    const noiseSeed = seed * 1_000_003 + step++;
    return optimizer.minimize(
      () => meanLoss(model, tf.add(x, tf.randomNormal(x.shape, 0, sigma, "float32", noiseSeed)), y),
      true,
      weights,
    ) as tf.Scalar;
  };
}

/** Trains `model` with Gaussian augmentation, Adam; the optimizer is freed at the end. */
export async function trainNoisyModel(
  model: tfl.LayersModel,
  train: DigitSet,
  options: NoisyTrainOptions,
  hooks: TrainHooks = {},
): Promise<void> {
  if (!(options.sigma > 0)) throw new RangeError(`sigma must be > 0, got ${options.sigma}.`);
  const optimizer = tf.train.adam(options.learningRate);
  try {
    await runEpochs(
      train,
      noisyStep(model, optimizer, options.sigma, options.seed),
      options,
      hooks,
    );
  } finally {
    optimizer.dispose();
  }
}

/**
 * Accuracy of `f` on every digit of `set` with Gaussian noise of std `sigma` added (one seeded
 * draw per batch): how well a base classifier reads the noisy copies smoothing will show it.
 */
export function accuracyUnderNoise(
  f: LogitsFn,
  set: DigitSet,
  sigma: number,
  seed: number,
): Promise<number> {
  let batch = 0;
  const noisy: LogitsFn = (x) =>
    tf.tidy(() =>
      f(tf.add(x, tf.randomNormal(x.shape, 0, sigma, "float32", seed + 500 * batch++))),
    );
  return accuracy(noisy, set);
}
