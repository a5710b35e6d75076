import type { Method } from "../rpc/protocol";

/** The sentiment classifier trained in the worker: how well it reads held-out sentences. */
export interface TextModelInfo {
  trainCount: number;
  testCount: number;
  vocabSize: number;
  /** Words of the vocabulary a swap may change (they belong to a group of neutral words). */
  swappableWords: number;
  testAccuracy: number;
  trainAccuracy: number;
  /** The corpus's licence line. */
  licence: string;
  /** Held-out sentences to pick from (never trained on). */
  examples: { text: string; label: number }[];
}

export type TextTrainProgress = {
  epoch: number;
  epochs: number;
  loss: number;
  testAccuracy: number;
};

/** One swap, with the first-order estimate of the loss change and the measured change. */
export interface SwapView {
  position: number;
  from: string;
  to: string;
  estimated: number;
  actual: number;
}

/** A sentence attacked: as the model read it, what the attack made of it, and the cost. */
export interface WordSwapView {
  /** The tokens read (at most MAX_TOKENS; `truncated` if the sentence had more). */
  tokens: string[];
  truncated: boolean;
  /** Words the model never saw in training (read as one "unknown" word). */
  unknown: string[];
  /** Positions whose word may be swapped. */
  swappable: number[];
  adversarial: string[];
  swaps: SwapView[];
  /** The model's answer before (0 negative, 1 positive) and both probabilities before and after. */
  label: number;
  before: number[];
  after: number[];
  flipped: boolean;
  forwardPasses: number;
  backwardPasses: number;
}

/** Flip rates over the held-out sentences the model reads correctly. */
export interface FlipRateView {
  /** Correctly classified sentences attacked so far. */
  attacked: number;
  /** Flipped with at most 1, 2, 3 swaps (cumulative). */
  flipped: number[];
  /** Sentences with at least one swappable word, and those where the really best single swap
   * was among the estimate's top 3. */
  ranked: number;
  bestInTop3: number;
  /** Per held-out sentence so far: null if misread (not attacked), 0 if it held, else the swaps
   * that flipped it. */
  outcomes: (number | null)[];
}

/** The language-model stop of chapter 8, served by the digits worker. */
export type WordSwapApi = {
  /** Reads the corpus at `url` (once), trains a fresh classifier from `seed`, keeps it. */
  textTrain: Method<{ url: string; seed: number }, TextModelInfo, TextTrainProgress>;
  /** Attacks one sentence with at most `maxSwaps` word swaps (beam search). */
  textAttack: Method<{ sentence: string; maxSwaps: number }, WordSwapView>;
  /** Attacks the first `count` held-out sentences with up to 3 swaps, reporting each. */
  textFlipRate: Method<
    { count: number },
    FlipRateView,
    { done: number; total: number; rate: FlipRateView }
  >;
  /**
   * The benchmark: ms of one forward and backward pass on a sentence, and of the attack at
   * k = 1, 2, 3, for each of the first `count` held-out sentences.
   */
  textTimings: Method<{ count: number }, { pass: number[]; attack: number[][] }>;
};
