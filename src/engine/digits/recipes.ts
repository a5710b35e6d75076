import type { DigitModelKind } from "./digitModelKinds";
import type { TrainOptions } from "./train";

/**
 * How each built-in model is trained, both by `npm run train:models` (the shipped weights) and
 * by "retrain" in the page. The seed fixes the initial weights and the batch order.
 */
export const RECIPES: Record<DigitModelKind, TrainOptions> = {
  softmax: { seed: 1, epochs: 8, batchSize: 64, learningRate: 0.005 },
  mlp: { seed: 2, epochs: 10, batchSize: 64, learningRate: 0.002 },
  cnn: { seed: 3, epochs: 6, batchSize: 64, learningRate: 0.004 },
};
