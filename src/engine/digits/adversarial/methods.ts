import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { standardStep, type TrainStep } from "../train";
import { fastTrainingStep } from "./fastTraining";
import { fgsmTrainingStep } from "./fgsmTraining";
import { freeTrainingStep } from "./freeTraining";
import { pgdTrainingStep } from "./pgdTraining";
import type { MethodSettings, PassCount, TrainingMethod } from "./types";

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
  model: tfl.LayersModel,
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
