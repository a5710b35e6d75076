import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { fetchWeightsFiles, packWeights, unpackWeights } from "../weightsFile";
import type { DigitModelKind } from "./digitModelKinds";
import { buildDigitModel } from "./digitModels";

/**
 * The shipped weights of a built-in digit model: a small JSON description plus one binary of
 * float32 values in `model.getWeights()` order (`packWeights`).
 * Written by `npm run train:models`, read by the page and the Node tests with the same code.
 */
export interface DigitWeightsMeta {
  format: 1;
  kind: DigitModelKind;
  /** Shapes of the weight tensors, in order. */
  shapes: number[][];
  /** How they were made (reproducible with `npm run train:models`). */
  training: {
    seed: number;
    epochs: number;
    batchSize: number;
    learningRate: number;
    trainDigits: number;
  };
  /** Accuracy on the 2,000 test digits when they were written. */
  testAccuracy: number;
}

/** The model's weights as (meta shapes, bytes). */
export function encodeWeights(model: tfl.LayersModel): { shapes: number[][]; bytes: Uint8Array } {
  return packWeights(model.getWeights());
}

/** Sets `model`'s weights from shipped bytes; throws if they do not fit its architecture. */
export function applyWeights(
  model: tfl.LayersModel,
  meta: DigitWeightsMeta,
  bytes: Uint8Array,
): void {
  const expected = model.getWeights().map((w) => w.shape);
  const tensors = unpackWeights(expected, meta.shapes, bytes, meta.kind);
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** A built-in model rebuilt from its shipped weights (the seed only fixes layer names' init). */
export function modelFromWeights(meta: DigitWeightsMeta, bytes: Uint8Array): tfl.Sequential {
  const model = buildDigitModel(meta.kind, meta.training.seed);
  try {
    applyWeights(model, meta, bytes);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}

/** Fetches `<baseUrl><kind>.json` and `.bin` and builds the model (browser). */
export async function fetchShippedModel(
  kind: DigitModelKind,
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ model: tfl.Sequential; meta: DigitWeightsMeta }> {
  const { meta, bytes } = await fetchWeightsFiles<DigitWeightsMeta>(baseUrl, kind, fetchFn);
  return { model: modelFromWeights(meta, bytes), meta };
}
