import type * as tf from "@tensorflow/tfjs-core";
import * as tfc from "@tensorflow/tfjs-core";
import { fetchWeightsFiles, packWeights, unpackWeights } from "../weightsFile";
import type { VaeKind } from "./recipes";
import type { VaeTrainOptions } from "./train";
import { type Vae, type VaeConfig, vaeFromWeights, weightShapes } from "./vae";

/** The JSON beside a shipped VAE's binary (written by `npm run train:models`). */
export interface VaeWeightsMeta {
  format: 1;
  kind: VaeKind;
  config: VaeConfig;
  shapes: number[][];
  training: VaeTrainOptions & { trainDigits: number };
  /** On the 2,000 test digits when written: negative ELBO and its terms, nats per digit. */
  test: { negElbo: number; reconstruction: number; kl: number };
}

export function encodeVae(vae: Vae): { shapes: number[][]; bytes: Uint8Array } {
  return packWeights(vae.weights);
}

/** A VAE from its shipped meta and bytes; throws if they do not fit the recorded config. */
export function vaeFromFile(meta: VaeWeightsMeta, bytes: Uint8Array): Vae {
  const tensors = unpackWeights(weightShapes(meta.config), meta.shapes, bytes, meta.kind);
  const variables = tensors.map((t) => tfc.variable(t));
  tfc.dispose(tensors as tf.Tensor[]);
  return vaeFromWeights(meta.config, variables);
}

/** Fetches `<baseUrl><kind>.json` and `.bin` (browser). */
export async function fetchShippedVae(
  kind: VaeKind,
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ vae: Vae; meta: VaeWeightsMeta }> {
  const { meta, bytes } = await fetchWeightsFiles<VaeWeightsMeta>(baseUrl, kind, fetchFn);
  return { vae: vaeFromFile(meta, bytes), meta };
}
