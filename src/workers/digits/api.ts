import type { BackendPreference, BackendStatus } from "../../engine/backendNames";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { CleanStages, EpsStages } from "../../engine/digits/fgsmStages";
import type { DigitSource, DigitSplit } from "../../engine/digits/mnistData";
import type { RobustnessPoint } from "../../engine/digits/robustnessCurve";
import type { TransferAttack } from "../../engine/digits/transferMatrix";
import type { Method } from "../rpc/protocol";
import type { ArmsRaceApi } from "./armsRaceApi";
import type { VaeApi } from "./vaeApi";
import type { WordSwapApi } from "./wordSwapApi";
import type { ZooApi } from "./zooApi";

/**
 * What the page asks of the digits worker (chapters 2-4, chapter 7's VAEs, chapter 8's defences and its text classifier): the MNIST digits
 * and the three built-in models live there, on the worker's own backend; only plain arrays cross.
 */
export type DigitsApi = VaeApi &
  ArmsRaceApi &
  WordSwapApi &
  ZooApi & {
    /** Starts the backend, loads the digits and the shipped models, measures them. */
    load: Method<
      { backend: BackendPreference; wasmPath: string; digits: DigitSource; weightsUrl: string },
      {
        backend: BackendStatus;
        trainCount: number;
        testCount: number;
        accuracy: Record<DigitModelKind, number>;
        version: number;
      }
    >;
    /** A copy of the decoded digits, for the other worker (plain arrays; "control" priority). */
    digitSplit: Method<null, DigitSplit>;
    /** Chapter 2: the softmax model's class weights and one targeted pair. */
    weightsAndPair: Method<
      { from: number; to: number },
      { weights: Float32Array[]; pair: PairView }
    >;
    /** Chapter 2: the first test digit of each class after one FGSM step at eps = level/255. */
    samples: Method<{ kind: DigitModelKind; epsLevel: number }, SampleDigit[]>;
    /** Chapter 2: FGSM accuracy at `levels` on test digits [start, start + count). */
    curveChunk: Method<
      { kind: DigitModelKind; start: number; count: number; levels: readonly number[] },
      { count: number; points: RobustnessPoint[] }
    >;
    /** Chapter 3: the gradient of one digit, and the stages at one eps. */
    cleanStages: Method<
      { kind: DigitModelKind; digit: DigitChoice; label: number | null; eps: number },
      {
        clean: CleanStages;
        attack: EpsStages;
        trueLabel: number | null;
        index: number;
        count: number;
        version: number;
      }
    >;
    /** Chapter 3: the stages of `clean` at another eps (null if the weights changed since). */
    epsStages: Method<
      { kind: DigitModelKind; clean: CleanStages; eps: number; version: number },
      EpsStages | null
    >;
    /** Chapter 4: how often examples crafted on each model fool each model. */
    transferMatrix: Method<
      { attack: TransferAttack },
      { error: number[][]; clean: number[] },
      MatrixProgress
    >;
    /** Trains `kind` from its seeded start for `epochs`, then swaps it in. */
    retrain: Method<
      { kind: DigitModelKind; epochs: number },
      { accuracy: number; version: number },
      RetrainProgress
    >;
    /** Puts the shipped weights of `kind` back. */
    restoreShipped: Method<{ kind: DigitModelKind }, { accuracy: number; version: number }>;
    /** Live tensors in the worker (tests read it after each chapter's jobs). */
    memory: Method<null, { numTensors: number }>;
  };

/** A test digit by index (wrapped into range), or a drawing of 784 values in [0,1]. */
export type DigitChoice = { test: number } | { drawn: Float32Array };

export interface PairView {
  from: number;
  to: number;
  /** The test digit of class `from` that is attacked. */
  digit: Float32Array;
  signDiff: Float32Array;
  stepSign: Float32Array;
  agreement: number;
}

export interface SampleDigit {
  label: number;
  pixels: Float32Array;
  predicted: number;
  confidence: number;
}

export type MatrixProgress =
  | { kind: "batches"; done: number; total: number }
  | { kind: "row"; source: number; row: number[]; clean: number[] };

export type RetrainProgress =
  | { kind: "batch"; epoch: number; loss: number }
  | { kind: "epoch"; epoch: number; accuracy: number };
