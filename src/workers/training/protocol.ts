import type { BackendPreference, BackendStatus } from "../../engine/backendNames";
import type { RunCounters, RunSpec } from "../../engine/digits/adversarial/types";
import type { DigitSource, DigitSplit } from "../../engine/digits/mnistData";
import type { Method } from "../rpc/protocol";

/** How the runs are measured while they train (on a fixed subset of the test digits). */
export interface EvaluationSettings {
  /** L-inf budget of the PGD attack that measures robust accuracy, [0,1] units. */
  eps: number;
  /** PGD steps of that attack (random start, step 2.5 * eps / steps). */
  pgdSteps: number;
  /** The first `testDigits` test digits are the fixed evaluation subset. */
  testDigits: number;
  /** A point is measured every this many backward passes (and at 0 and at the end). */
  everyBackward: number;
}

export interface RunRequest {
  id: string;
  spec: RunSpec;
}

/** One measured point of a run's curves. */
export interface RunPoint extends RunCounters {
  /** Clean accuracy on the evaluation subset, in [0,1]. */
  clean: number;
  /** Accuracy under PGD at the evaluation eps, in [0,1]. */
  robust: number;
  /** Accuracy under one FGSM step at the evaluation eps, in [0,1]. */
  fgsm: number;
}

/** Free training's perturbation of a few digits of one minibatch, after each of its m replays. */
export interface DeltaSnapshot {
  runId: string;
  /** Which minibatch (1-based) of the run. */
  minibatch: number;
  eps: number;
  /** The clean digits, n * 784 floats in [0,1]. */
  images: Float32Array;
  /** delta after replay 1..m, each n * 784 floats in [-eps, eps]. */
  deltas: Float32Array[];
}

/** What a training job reports on the way (the job's id keeps an old run's reports out). */
export type TrainingUpdate =
  /** The backend these runs train on (it can differ per model, see backendChoice.ts). */
  | { kind: "backend"; backend: BackendStatus }
  | {
      kind: "step";
      runId: string;
      counters: RunCounters;
      loss: number;
      /** Fast training's early-stopping check, when this step ran one: its PGD accuracy. */
      check?: number;
    }
  | { kind: "point"; runId: string; point: RunPoint }
  | { kind: "deltas"; snapshot: DeltaSnapshot }
  | { kind: "runDone"; runId: string; stoppedEarly: boolean }
  | { kind: "paused" };

export interface TrainArgs {
  runs: RunRequest[];
  evaluation: EvaluationSettings;
  /** Digits of a free-training minibatch to snapshot (0: none). */
  deltaDigits: number;
  /** Pause between minibatch updates, for watching in slow motion (0: full speed). */
  delayMs: number;
}

/**
 * The training worker's API (chapters 5-6), on the compute-worker protocol. A run is one
 * "train" call: cancelling it is the reset, so nothing of an old run can land in a new one.
 */
export type TrainingApi = {
  load: Method<
    { backend: BackendPreference; digits: DigitSource; wasmPath: string },
    { backend: BackendStatus; trainDigits: number; testDigits: number }
  >;
  /** Trains the runs side by side to their budgets; resolves when all are done. */
  train: Method<TrainArgs, null, TrainingUpdate>;
  /** Pauses or resumes the run in progress, or changes its slow-motion delay ("control"). */
  control: Method<{ paused?: boolean; delayMs?: number }, null>;
  /** A copy of the decoded digits, for the other worker (plain arrays; "control" priority). */
  digitSplit: Method<null, DigitSplit>;
  /** Live tensors in the worker. */
  memory: Method<null, { numTensors: number }>;
};
