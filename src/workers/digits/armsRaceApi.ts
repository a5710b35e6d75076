import type { DefenceHits } from "../../engine/defences/measureDefence";
import type { SmoothingKind } from "../../engine/smoothing/recipes";
import type { Method } from "../rpc/protocol";
import type { DigitChoice } from "./api";

/** How CERTIFY samples (Cohen et al.'s n0, n and alpha), for one noise-trained base classifier. */
export interface CertifyArgs {
  kind: SmoothingKind;
  /** Where the shipped base classifiers are (loaded once). */
  url: string;
  n0: number;
  n: number;
  alpha: number;
  seed: number;
}

/** Samples done of all a job draws. */
export interface SampleProgress {
  done: number;
  total: number;
}

/** One digit's certificate, with the digit itself. */
export interface CertificateView {
  sigma: number;
  /** The certificate is wrong with probability at most alpha. */
  alpha: number;
  /** The digit's label (null for a drawing). */
  label: number | null;
  /** The certified input [784], in [0,1]. */
  input: Float32Array;
  /** The smoothed classifier's class, or null: abstain. */
  prediction: number | null;
  /** The class the selection samples chose. */
  top: number;
  pA: number;
  radius: number | null;
  /** Votes per class of the n estimation samples. */
  votes: number[];
}

/** An L2 attack on the smoothed classifier, and the certificate of what it made. */
export interface SmoothAttackView {
  /** The attacked digit [784], rounded to 8 bits. */
  adversarial: Float32Array;
  /** ||adversarial - input||_2, measured after rounding. */
  distance: number;
  /** The base classifier's class for the attacked digit without noise. */
  baseClass: number;
  /** The attacked digit's own certificate, by fresh Monte Carlo. */
  certificate: CertificateView;
}

/** A live retraining of a base classifier: after every minibatch, and each epoch's accuracy. */
export type SmoothTrainProgress =
  | { kind: "batch"; step: number; total: number; loss: number }
  | { kind: "epoch"; epoch: number; noisyAccuracy: number };

/** One test digit's certificate, for the certified accuracy curve. */
export interface CurveEntry {
  label: number;
  prediction: number | null;
  radius: number | null;
}

/** Chapter 8's jobs, served by the digits worker (which holds the digits and chapter 2's CNN). */
export type ArmsRaceApi = {
  /**
   * The quantising defence on chapter 2's CNN over test digits [0, count): correct digits clean,
   * under FGSM and PGD (through the defence) and under BPDA-PGD, reported after every chunk.
   */
  defenceTable: Method<
    { levels: number; epsLevel: number; steps: number; count: number; seed: number },
    DefenceHits,
    SampleProgress & { hits: DefenceHits }
  >;
  /** CERTIFY on one digit (a test digit or a drawing). */
  certify: Method<CertifyArgs & { source: DigitChoice }, CertificateView, SampleProgress>;
  /**
   * PGD in the L2 ball of `radius` on the soft smoothed classifier (the mean of the base
   * classifier's softmax over `samples` fixed noise draws), then CERTIFY on the result.
   */
  smoothAttack: Method<
    CertifyArgs & { source: DigitChoice; radius: number; steps: number; samples: number },
    SmoothAttackView,
    SampleProgress
  >;
  /** CERTIFY on test digits [0, count), every certificate reported as it comes. */
  certifyCurve: Method<
    CertifyArgs & { count: number },
    CurveEntry[],
    SampleProgress & { entries?: CurveEntry[] }
  >;
  /**
   * The largest radius n samples can ever certify, for each sigma (rows) and n (columns): the
   * page's chart of samples against radius ("control": plain numbers, no tensors).
   */
  radiusBound: Method<{ alpha: number; sigmas: number[]; ns: number[] }, number[][]>;
  /**
   * Trains a fresh CNN under Gaussian noise of `kind`'s sigma (its seeded recipe, `epochs`
   * epochs), then uses it as that base classifier; resolves with its accuracy on noisy test
   * digits. Cancelling stops it and keeps the classifier in use; jobs on the old one stop.
   */
  smoothTrain: Method<
    {
      kind: SmoothingKind;
      url: string;
      epochs: number;
      /** Trains on the first this many training digits (all 8,000 when absent). */
      trainDigits?: number;
    },
    { noisyAccuracy: number },
    SmoothTrainProgress
  >;
  /** Pauses or resumes the training run ("control" priority). */
  smoothTrainControl: Method<{ paused: boolean }, null>;
  /** Puts the shipped weights of `kind` back; resolves with their accuracy on noisy digits. */
  smoothRestore: Method<{ kind: SmoothingKind; url: string }, { noisyAccuracy: number }>;
  /** The benchmark: ms per forward pass of `batch` noisy copies, and of one digit alone. */
  smoothTimings: Method<
    { kind: SmoothingKind; url: string; batch: number; runs: number },
    { batched: number[]; single: number[] }
  >;
};
