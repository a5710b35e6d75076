import type { NoisyTrainOptions } from "./noisyTraining";

/** The base classifiers of chapter 8's certified defence: chapter 2's CNN, trained under noise. */
export type SmoothingKind = "sigma025" | "sigma050";

export const SMOOTHING_KINDS: readonly SmoothingKind[] = ["sigma025", "sigma050"];

/** How each is trained by `npm run train:models` (same seed, same weights). */
export const SMOOTHING_RECIPES: Record<SmoothingKind, NoisyTrainOptions> = {
  sigma025: { sigma: 0.25, seed: 31, epochs: 6, batchSize: 64, learningRate: 0.004 },
  sigma050: { sigma: 0.5, seed: 32, epochs: 6, batchSize: 64, learningRate: 0.004 },
};
