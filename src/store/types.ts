import type { AttackKind } from "../engine/attackLab";
import type { BackendStatus } from "../engine/backendNames";
import type { ClassScore } from "../engine/types";
import type { LoadedModel } from "../workers/imagenet/api";
import type { JobStatus } from "./jobSlot";

export interface ModelState {
  id: string;
  label: string;
  status: "idle" | "loading" | "ready" | "error";
  /** Download progress in bytes (total 0 until known). */
  loaded: number;
  total: number;
  source: LoadedModel["source"] | null;
  /**
   * The last load that failed (cleared by the next success): what was asked for and why. The
   * model in use, if any, stays in use and keeps its name above; `needsNetwork` when the
   * failure was the network's (offline, or the host answered with an error).
   */
  failure: { id: string; label: string; message: string; needsNetwork: boolean } | null;
}

export interface ImageState {
  id: string;
  caption: string;
  credit: string | null;
  sourceUrl: string | null;
  status: "idle" | "loading" | "ready" | "error";
  /** The square, model-resolution RGBA image that is classified. */
  rgba: Uint8ClampedArray | null;
  size: number;
  error: string | null;
}

export interface AttackSettings {
  kind: AttackKind;
  /** eps in 8-bit grey levels: eps = epsLevel / 255. */
  epsLevel: number;
  /** null: untargeted (push away from the clean top-1). */
  targetClass: number | null;
  steps: number;
  randomStart: boolean;
}

export interface AdversarialResult {
  epsLevel: number;
  top5: ClassScore[];
  top1: number;
  advRgba: Uint8ClampedArray;
  perturbRgba: Uint8ClampedArray;
  gain: number;
}

export interface SweepState {
  /** The attack the levels belong to, e.g. "fgsm-u" or "pgd-t368-10" (kind, target, steps). */
  plan: string;
  levels: number[];
  /** Softmax output at each level (index = level); null until that level is computed. */
  probs: (Float32Array | null)[];
  /**
   * running: levels are computed in the background, nearest the slider first; paused: chapter 1
   * is out of view, so it waits; done: every level is ready.
   */
  status: Extract<JobStatus, "running" | "paused" | "done">;
}

export interface Notice {
  kind: "error" | "info";
  text: string;
  /** The worker did not start: the notice offers "Try again" (init once more). */
  retry?: boolean;
}

export interface LabState {
  backend: BackendStatus | null;
  /** Which ImageNet worker answers (1, 2, …): a new one (after a lost WebGL context) holds no model. */
  workerEpoch: number;
  model: ModelState;
  image: ImageState;
  settings: AttackSettings;
  /** Clean prediction: top-5 and the top-1 the untargeted attack pushes away from. */
  original: { top5: ClassScore[]; top1: number } | null;
  adversarial: AdversarialResult | null;
  sweep: SweepState | null;
  /** What the engine is doing now, for a status line ("Computing the input gradient"). */
  working: string | null;
  notice: Notice | null;
}
