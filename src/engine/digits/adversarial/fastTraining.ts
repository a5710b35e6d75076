import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { pgd } from "../../attacks/pgd";
import { digitLogits } from "../digitModels";
import type { TrainStep } from "../train";
import { attackThenStep } from "./attackStep";
import type { PassCount } from "./types";

/** Settings of "fast" FGSM training. */
export interface FastOptions {
  eps: number;
  /** FGSM step as a multiple of eps (Wong et al.: 1.25). */
  stepRatio: number;
  /** Start from x + U(-eps, eps) (projected) instead of x. */
  randomStart: boolean;
}

/**
 * Wong, Rice & Kolter's (2020) attack: delta ~ U(-eps, eps) (or 0), then ONE signed-gradient
 * step of size stepRatio * eps taken at x + delta, projected onto the eps-ball around x
 * intersected with [0,1]: a one-step PGD. Costs 1 forward + 1 backward pass.
 */
export function fastAttack(
  model: tfl.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor1D,
  options: FastOptions & { seed: number },
): tf.Tensor {
  const { eps, stepRatio, randomStart, seed } = options;
  return pgd(digitLogits(model), x, y, {
    eps,
    steps: 1,
    stepSize: stepRatio * eps,
    randomStart,
    seed,
  });
}

/**
 * "Fast is better than free" training: the fast attack, then one weight step on it.
 * 2 forward + 2 backward passes per minibatch; random starts seeded from `seed`.
 */
export function fastTrainingStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  options: FastOptions,
  count: PassCount,
  seed: number,
): TrainStep {
  return attackThenStep(
    model,
    optimizer,
    ({ x, y }, s) => fastAttack(model, x, y, { ...options, seed: s }),
    1,
    count,
    seed,
  );
}
