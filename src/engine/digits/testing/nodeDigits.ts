import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { DigitModelKind } from "../digitModelKinds";
import { type DigitWeightsMeta, modelFromWeights } from "../digitWeights";
import { type DigitSplit, splitDigits } from "../mnistData";
import { type DigitSet, decodeDigits } from "../mnistFormat";

/** Node-side access to what the page fetches: the packed digits and the shipped weights. */
const publicDir = join(import.meta.dirname, "..", "..", "..", "..", "public");

/** The packed MNIST asset (built by `npm run build:data`), decoded like the browser does. */
export async function loadDigitsFromDisk(): Promise<DigitSet> {
  return decodeDigits(new Uint8Array(await readFile(join(publicDir, "data", "mnist.bin.gz"))));
}

let cachedSplit: Promise<DigitSplit> | undefined;
/** The standard 8,000 / 2,000 split, decoded once per test file. */
export function loadSplitFromDisk(): Promise<DigitSplit> {
  cachedSplit ??= loadDigitsFromDisk().then((set) => splitDigits(set));
  return cachedSplit;
}

/** Where `npm run train:models` writes the shipped weights of `kind`. */
export function weightPaths(kind: DigitModelKind): { meta: string; bin: string } {
  const dir = join(publicDir, "models", "digits");
  return { meta: join(dir, `${kind}.json`), bin: join(dir, `${kind}.bin`) };
}

/** A built-in model with its shipped weights, loaded from disk. */
export async function loadShippedModel(kind: DigitModelKind): Promise<tfl.Sequential> {
  const paths = weightPaths(kind);
  const meta = JSON.parse(await readFile(paths.meta, "utf8")) as DigitWeightsMeta;
  return modelFromWeights(meta, new Uint8Array(await readFile(paths.bin)));
}
