import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as tfl from "@tensorflow/tfjs-layers";
import { modelFromWeights } from "../../digits/digitWeights";
import type { SmoothingKind } from "../recipes";
import type { SmoothingWeightsMeta } from "../weights";

const dir = join(import.meta.dirname, "..", "..", "..", "..", "public", "models", "smoothing");

/** A shipped noise-trained CNN, loaded from disk (Node tests). */
export async function loadSmoothingModel(
  kind: SmoothingKind,
): Promise<{ model: tfl.Sequential; meta: SmoothingWeightsMeta }> {
  const meta = JSON.parse(
    await readFile(join(dir, `${kind}.json`), "utf8"),
  ) as SmoothingWeightsMeta;
  const bytes = new Uint8Array(await readFile(join(dir, `${kind}.bin`)));
  return { model: modelFromWeights(meta, bytes), meta };
}
