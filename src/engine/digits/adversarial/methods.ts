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
 * >= 1 projects to the same point, a step of exactly eps). Measured in Node (cpu, 8,000 digits,
 * batch 64, Adam, PGD-10 on 500 test digits), it overfits catastrophically on the CNN at
 * eps = 0.3 (lr 0.004, early stopping off): seed 2 peaks at 19% PGD accuracy after 2.5 epochs,
 * then falls to 0% by 4.5 while FGSM accuracy climbs to 72-77%; seed 3 never passes 6% PGD and
 * sits at 0% from 2 epochs on, FGSM at 62%. With early stopping (on a 20-point drop, the rule
 * before the halving rule was added), seed 2 stopped at 4.4 epochs
 * and kept 20.8% PGD accuracy. The MLP did not collapse in 5 epochs (eps 0.1: ~63% PGD with
 * any start or step up to 4 eps; eps 0.2-0.3: it barely learns at all).
 */
export const CATASTROPHIC_OVERFITTING: Partial<MethodSettings> = {
  fastRandomStart: false,
  fastStepRatio: 1,
  earlyStopping: false, // the runs above; with it on, the check would stop a collapse
};
