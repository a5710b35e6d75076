import type { MethodSettings } from "./types";

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
