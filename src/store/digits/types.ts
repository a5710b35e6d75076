import type { BackendStatus } from "../../engine/backendNames";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { JobFields } from "../jobSlot";

export interface DigitModelStatus {
  status: "loading" | "ready" | "error";
  /** Accuracy on the 2,000 test digits, measured in this page. */
  testAccuracy: number | null;
  /** "shipped": the weights from `npm run train:models`; "retrained": trained in this page. */
  source: "shipped" | "retrained" | null;
  error: string | null;
}

/** One point of a live training run's chart. */
export interface TrainingPoint {
  /** Batches done since the start of the run. */
  step: number;
  /** Mean training loss of the batches since the previous point. */
  loss: number;
  /** Test accuracy, measured at the end of each epoch (absent in between). */
  accuracy?: number;
}

/** A live retraining; its done / total count minibatches, for the progress bar. */
export interface TrainingRun extends JobFields {
  kind: DigitModelKind;
  epoch: number;
  epochs: number;
  points: TrainingPoint[];
}

export interface DigitsState {
  status: "idle" | "loading" | "ready" | "error";
  error: string | null;
  /** The backend the digits worker computes on (null until it has started). */
  backend: BackendStatus | null;
  /** Training digits in the worker (null until loaded). */
  trainCount: number | null;
  models: Record<DigitModelKind, DigitModelStatus>;
  /** Increases whenever any model's weights change, so chapters know to recompute. */
  modelsVersion: number;
  training: TrainingRun | null;
}
