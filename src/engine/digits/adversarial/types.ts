import type { DigitModelKind } from "../digitModelKinds";

/** The training methods of chapters 5-6, in the blog's order. */
export const TRAINING_METHODS = ["standard", "fgsm", "pgd", "free", "fast"] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

/** Knobs of the adversarial methods; each method reads only its own. */
export interface MethodSettings {
  /** L-inf budget of the training attack, in [0,1] units. */
  eps: number;
  /** FGSM training: weight of the clean term in Goodfellow's mixed loss (0.5 in the paper). */
  alpha: number;
  /** PGD training: attack steps k (Madry et al.), step size 2.5 * eps / k, random start. */
  pgdSteps: number;
  /** Free training: replays m of each minibatch (Shafahi et al.). */
  replays: number;
  /** Fast training: FGSM step as a multiple of eps (Wong et al.: 1.25). */
  fastStepRatio: number;
  /** Fast training: start from a uniform random point of the eps-ball (false: from x). */
  fastRandomStart: boolean;
  /** Fast training: a PGD check on a fixed training subset; stop and roll back on collapse. */
  earlyStopping: boolean;
}

/** What to train and for how long. Same model kind and seed: same initial weights and batch order. */
export interface RunSpec {
  method: TrainingMethod;
  settings: MethodSettings;
  kind: DigitModelKind;
  /** Seeds the initial weights, the batch order and every random start. */
  seed: number;
  batchSize: number;
  learningRate: number;
  /** Training stops once this many backward passes (minibatch units) are spent. */
  backwardBudget: number;
}

/** Exact running cost of a run, in whole-minibatch passes and seconds of training work. */
export interface RunCounters {
  forward: number;
  backward: number;
  /** Wall time spent in training steps (GPU work awaited), evaluation excluded. */
  seconds: number;
  /** Minibatch updates done (a free-training minibatch with its m replays counts once). */
  minibatches: number;
  /** Passes over the training set, fractional. */
  epochs: number;
}

/** Passes over a minibatch, counted in whole-minibatch units (the basis of the cost table). */
export interface PassCount {
  forward: number;
  backward: number;
}
