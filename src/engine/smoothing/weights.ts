import type * as tfl from "@tensorflow/tfjs-layers";
import { type DigitWeightsMeta, modelFromWeights } from "../digits/digitWeights";
import { fetchWeightsFiles } from "../weightsFile";
import type { NoisyTrainOptions } from "./noisyTraining";
import type { SmoothingKind } from "./recipes";

/** A noise-trained CNN's file: the digit models' format, with its noise level recorded. */
export interface SmoothingWeightsMeta extends Omit<DigitWeightsMeta, "training" | "kind"> {
  kind: "cnn";
  smoothing: SmoothingKind;
  training: NoisyTrainOptions & { trainDigits: number };
}

/** Fetches `<baseUrl><kind>.json` and `.bin` and builds the base classifier (browser). */
export async function fetchSmoothingModel(
  kind: SmoothingKind,
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ model: tfl.Sequential; meta: SmoothingWeightsMeta }> {
  const { meta, bytes } = await fetchWeightsFiles<SmoothingWeightsMeta>(baseUrl, kind, fetchFn);
  return { model: modelFromWeights(meta, bytes), meta };
}
