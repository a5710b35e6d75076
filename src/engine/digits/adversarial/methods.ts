import type * as tf from "@tensorflow/tfjs";
import { standardStep, type TrainStep } from "../train";
import { fastTrainingStep } from "./fastTraining";
import { fgsmTrainingStep } from "./fgsmTraining";
import { freeTrainingStep } from "./freeTraining";
import { pgdTrainingStep } from "./pgdTraining";
import type { MethodSettings, PassCount, TrainingMethod } from "./types";

/** The settings a run starts from (MNIST, eps = 0.1). */
export const DEFAULT_METHOD_SETTINGS: MethodSettings = {
  eps: 0.1,
  alpha: 0.5,
  pgdSteps: 3,
  replays: 4,
  fastStepRatio: 1.25,
  fastRandomStart: true,
  earlyStopping: true,
};

/**
 * Nominal cost of ONE minibatch update, in whole-minibatch passes (early-stopping checks not
 * included): standard 1+1, FGSM 2+2, PGD-k (k+1)+(k+1), free m+m, fast 2+2.
 */
export function passesPerMinibatch(method: TrainingMethod, settings: MethodSettings): PassCount {
  const n = {
    standard: 1,
    fgsm: 2,
    pgd: settings.pgdSteps + 1,
    free: settings.replays,
    fast: 2,
  }[method];
  return { forward: n, backward: n };
}

/** Optional observers of a training step. */
export interface StepHooks {
  /** Free training only: the perturbation after each replay (to copy, not keep). */
  onReplay?: (delta: tf.Tensor, replay: number) => void;
}

/**
 * One minibatch update of `method` (free: its m replays). Each call adds exactly
 * `passesPerMinibatch(method, settings)` to `count`. `seed` seeds the random starts.
 * Call `dispose()` at the end (free training keeps its perturbation between minibatches).
 */
export function trainingStep(
  method: TrainingMethod,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  settings: MethodSettings,
  count: PassCount,
  seed: number,
  hooks: StepHooks = {},
): TrainStep & { dispose(): void } {
  const { eps } = settings;
  const stateless = (step: TrainStep) => Object.assign(step, { dispose: () => {} });
  switch (method) {
    case "standard": {
      const step = standardStep(model, optimizer);
      return stateless((batch) => {
        try {
          return step(batch);
        } finally {
          count.forward += 1;
          count.backward += 1;
        }
      });
    }
    case "fgsm":
      return stateless(fgsmTrainingStep(model, optimizer, { eps, alpha: settings.alpha }, count));
    case "pgd":
      return stateless(
        pgdTrainingStep(model, optimizer, { eps, steps: settings.pgdSteps }, count, seed),
      );
    case "free":
      return freeTrainingStep(
        model,
        optimizer,
        { eps, replays: settings.replays, onReplay: hooks.onReplay },
        count,
      );
    case "fast":
      return stateless(
        fastTrainingStep(
          model,
          optimizer,
          { eps, stepRatio: settings.fastStepRatio, randomStart: settings.fastRandomStart },
          count,
          seed,
        ),
      );
  }
}

/**
 * Wong et al.'s failing recipe for fast training: FGSM from a zero start (from x, every ratio
 * >= 1 projects to the same point, a step of exactly eps). It did NOT reproduce catastrophic
 * overfitting in a few epochs here (Node cpu, 8,000 digits, batch 64, Adam, test PGD-10):
 * MLP, eps 0.1, 5 epochs (lr 0.002 or 0.01): FGSM 64% vs PGD 63% / 59%, no collapse (random
 * start with a 2.5 * eps step: the same). MLP at eps 0.15-0.3: it barely learns or not at all.
 * CNN, eps 0.2 / 0.3, ~2.5 epochs: FGSM 61% / 37% vs PGD 47% / 22%, a gap but no collapse.
 * The closest setting is thus the CNN at eps 0.2-0.3 from a zero start.
 */
export const CATASTROPHIC_OVERFITTING: Partial<MethodSettings> = {
  fastRandomStart: false,
  fastStepRatio: 1,
  earlyStopping: false, // the runs above; with it on, the check would stop a collapse
};
