import type { VaeTrainOptions } from "./train";
import type { VaeConfig } from "./vae";

/** The two shipped VAEs: a 2-D latent space to draw as it is, a 16-D one to attack. */
export type VaeKind = "vae2" | "vae16";

export const VAE_KINDS: readonly VaeKind[] = ["vae2", "vae16"];

/** Architecture and training of each, used by `npm run train:models` and by "retrain". */
export const VAE_RECIPES: Record<VaeKind, { config: VaeConfig; train: VaeTrainOptions }> = {
  vae2: {
    config: { latent: 2, hidden: 128 },
    train: { seed: 11, epochs: 20, batchSize: 64, learningRate: 0.002, beta: 1 },
  },
  vae16: {
    config: { latent: 16, hidden: 128 },
    train: { seed: 12, epochs: 20, batchSize: 64, learningRate: 0.002, beta: 1 },
  },
};
