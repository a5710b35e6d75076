import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { VaeKind } from "../recipes";
import type { Vae } from "../vae";
import { type VaeWeightsMeta, vaeFromFile } from "../weights";

const modelsDir = join(import.meta.dirname, "..", "..", "..", "..", "public", "models", "vae");

/** Where `npm run train:models` writes the shipped VAE of `kind`. */
export function vaeWeightPaths(kind: VaeKind): { meta: string; bin: string } {
  return { meta: join(modelsDir, `${kind}.json`), bin: join(modelsDir, `${kind}.bin`) };
}

/** A shipped VAE, loaded from disk (Node tests and scripts). */
export async function loadShippedVae(kind: VaeKind): Promise<{ vae: Vae; meta: VaeWeightsMeta }> {
  const paths = vaeWeightPaths(kind);
  const meta = JSON.parse(await readFile(paths.meta, "utf8")) as VaeWeightsMeta;
  return { vae: vaeFromFile(meta, new Uint8Array(await readFile(paths.bin))), meta };
}
