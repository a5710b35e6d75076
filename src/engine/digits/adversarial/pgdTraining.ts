import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { pgd } from "../../attacks/pgd";
import { digitLogits } from "../digitModels";
import type { TrainStep } from "../train";
import { attackThenStep } from "./attackStep";
import type { PassCount } from "./types";

/**
 * Madry et al.'s inner maximisation: `steps` (k) PGD steps of size 2.5 * eps / k from a seeded
 * uniform random start, each projected onto the eps-ball around x intersected with [0,1].
 * Costs k forward + k backward passes. Returns x' (the caller disposes it).
 */
export function pgdTrainingAttack(
  model: tfl.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor1D,
  options: { eps: number; steps: number; seed: number },
): tf.Tensor {
  const { eps, steps, seed } = options;
  return pgd(digitLogits(model), x, y, {
    eps,
    steps,
    stepSize: (2.5 * eps) / steps,
    randomStart: true,
    seed,
  });
}

/**
 * PGD adversarial training (Madry et al. 2017): each minibatch is replaced by its PGD-k
 * attack, then one weight step. k + 1 forward and k + 1 backward passes per minibatch.
 * Each minibatch's random start is seeded from `seed`.
 */
export function pgdTrainingStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  options: { eps: number; steps: number },
  count: PassCount,
  seed: number,
): TrainStep {
  return attackThenStep(
    model,
    optimizer,
    ({ x, y }, s) => pgdTrainingAttack(model, x, y, { ...options, seed: s }),
    options.steps,
    count,
    seed,
  );
}
