import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { DigitModelKind } from "./digitModelKinds";
import { buildDigitModel } from "./digitModels";

/**
 * The shipped weights of a built-in digit model: a small JSON description plus one binary of
 * float32 values (little-endian), all weight tensors concatenated in `model.getWeights()` order.
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
  const weights = model.getWeights();
  const shapes = weights.map((w) => w.shape);
  const values = weights.map((w) => w.dataSync() as Float32Array);
  const total = values.reduce((n, v) => n + v.length, 0);
  const flat = new Float32Array(total);
  let offset = 0;
  for (const v of values) {
    flat.set(v, offset);
    offset += v.length;
  }
  return { shapes, bytes: new Uint8Array(flat.buffer) };
}

/** Sets `model`'s weights from shipped bytes; throws if they do not fit its architecture. */
export function applyWeights(
  model: tfl.LayersModel,
  meta: DigitWeightsMeta,
  bytes: Uint8Array,
): void {
  const expected = model.getWeights().map((w) => w.shape);
  const same =
    expected.length === meta.shapes.length &&
    expected.every(
      (s, i) => s.length === meta.shapes[i].length && s.every((d, j) => d === meta.shapes[i][j]),
    );
  if (!same) {
    throw new Error(
      `The ${meta.kind} weights do not fit the model (shapes ${JSON.stringify(meta.shapes)}).`,
    );
  }
  const total = expected.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== total * 4) {
    throw new Error(
      `The ${meta.kind} weights file has ${bytes.byteLength} bytes, expected ${total * 4}.`,
    );
  }
  const copy = new Float32Array(bytes.slice().buffer); // aligned copy
  let offset = 0;
  const tensors = expected.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(copy.subarray(offset, offset + size), shape);
    offset += size;
    return t;
  });
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
  const get = async (file: string) => {
    const response = await fetchFn(`${baseUrl}${file}`);
    if (!response.ok) throw new Error(`Could not load ${file} (HTTP ${response.status}).`);
    return response;
  };
  const meta = (await (await get(`${kind}.json`)).json()) as DigitWeightsMeta;
  const bytes = new Uint8Array(await (await get(`${kind}.bin`)).arrayBuffer());
  return { model: modelFromWeights(meta, bytes), meta };
}
