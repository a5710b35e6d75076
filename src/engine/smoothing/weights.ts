import type { DigitWeightsMeta } from "../digits/digitWeights";
import type { NoisyTrainOptions } from "./noisyTraining";
import type { SmoothingKind } from "./recipes";

/** A noise-trained CNN's file: the digit models' format, with its noise level recorded. */
export interface SmoothingWeightsMeta extends Omit<DigitWeightsMeta, "training" | "kind"> {
  kind: "cnn";
  smoothing: SmoothingKind;
  training: NoisyTrainOptions & { trainDigits: number };
}
