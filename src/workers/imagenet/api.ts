import type { AdversarialView, AttackPlan } from "../../engine/attackLab";
import type {
  ZooCompareProgress,
  ZooCompareRequest,
  ZooComparison,
} from "../../engine/attacks/zoo/compare";
import type { BackendPreference, BackendStatus } from "../../engine/backendNames";
import type { ClassOrder } from "../../engine/models/catalog";
import type { ModelSource } from "../../engine/models/loadImageNetModel";
import type { Method } from "../rpc/protocol";

/** The ImageNet worker's two classifiers: chapter 1's (attacked) and chapter 4's judge. */
export type ModelRole = "attack" | "judge";

/** Where a classifier comes from: the catalog (bundled, cache or network) or the reader's files. */
export type ModelFrom =
  | { catalog: string }
  | { files: FileBytes[]; inputRange: [number, number]; classOrder?: ClassOrder; label?: string };

/** A file the reader chose, as plain bytes (every browser, and Node's tests, can send these). */
export interface FileBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** Reads the reader's files for the worker (the reads happen off the main thread). */
export const fileBytes = (files: readonly File[]): Promise<FileBytes[]> =>
  Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));

export interface LoadedModel {
  id: string;
  label: string;
  inputSize: number;
  source: ModelSource | "files";
}

/**
 * What the page asks of the ImageNet worker (chapters 1 and 4). The classifiers, chapter 1's
 * image and its adversarial versions live there, on the worker's own backend; only plain
 * arrays cross. Chapter 1's calls act on the image last set.
 */
export type ImagenetApi = {
  /** Starts the backend; `pageUrl` resolves the app's own files (models/…). */
  start: Method<{ backend: BackendPreference; wasmPath: string; pageUrl: string }, BackendStatus>;
  /**
   * Downloads (or reads from the cache, or from files) and builds a classifier for `role`,
   * holding no turn while it waits on the network. It becomes the role's candidate; a newer
   * load for the role drops it. Call with priority "io".
   */
  loadModel: Method<
    { role: ModelRole; from: ModelFrom },
    LoadedModel,
    { loaded: number; total: number }
  >;
  /** Puts the role's candidate in use (the attack role also drops chapter 1's image). */
  adoptModel: Method<{ role: ModelRole }, null>;
  /** Chapter 1: the image to attack (square, at the model's input size); its clean softmax. */
  setImage: Method<{ rgba: Uint8ClampedArray; size: number }, Float32Array>;
  /** Chapter 1: the attack; for FGSM computes the gradient's sign. Answers the backend in use. */
  setPlan: Method<{ plan: AttackPlan }, BackendStatus>;
  /** Chapter 1: the adversarial image at eps = level/255 and its softmax. */
  view: Method<{ level: number }, AdversarialView>;
  /** Chapter 1: the softmax at each level (a batch of FGSM levels, or one PGD run). */
  sweep: Method<{ levels: number[] }, Float32Array[]>;
  /**
   * The attack zoo on chapter 1's image and classifier: each attack with its settings (photo
   * defaults); untargeted ones leave the clean top-1, targeted ones aim at `target`.
   */
  zooCompare: Method<
    Pick<ZooCompareRequest, "attacks" | "target">,
    ZooComparison,
    ZooCompareProgress
  >;
  /** The softmax of `role`'s classifier on one square image (resized to its input). */
  classify: Method<{ role: ModelRole; rgba: Uint8ClampedArray; size: number }, Float32Array>;
  /** Answers when the WebGL context is lost (every tensor with it); call with priority "io". */
  contextLost: Method<null, null>;
  /** Live tensors in the worker (tests read it after each chapter's jobs). */
  memory: Method<null, { numTensors: number }>;
  /** The benchmark's chapter 1 timings, in ms per run (see bench/prank.bench.ts). */
  timings: Method<{ runs: number; label: number }, Chapter1Timings>;
};

export interface Chapter1Timings {
  /** A bare forward pass and read-back of a random image. */
  forward: number[];
  /** A fresh FGSM: new gradient, its sign read back, the 8-bit image built. */
  freshFgsm: number[];
  /** A bare tf.grad of the loss on the input, read back. */
  bareGrad: number[];
}
