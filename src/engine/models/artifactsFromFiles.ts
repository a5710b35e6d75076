/**
 * "Load model from files": the user picks model.json and its weight files on disk; nothing is
 * uploaded anywhere. Weight files are matched to the manifest by file name.
 */
import type * as tf from "@tensorflow/tfjs-core";
import { fileNameOf, ModelLoadError } from "./errors";
import { assembleArtifacts, parseModelJson } from "./manifest";

/**
 * Builds ModelArtifacts from user-chosen files: exactly one `.json` (the model.json) plus every
 * weight file its manifest names (matched by base name; extra files are ignored).
 * Throws ModelLoadError 'missing-files', 'not-a-model' or 'truncated'.
 */
export async function artifactsFromFiles(files: readonly File[]): Promise<tf.io.ModelArtifacts> {
  const jsonFiles = files.filter((f) => f.name.toLowerCase().endsWith(".json"));
  if (jsonFiles.length !== 1) {
    const found =
      jsonFiles.length === 0 ? "none was given" : `got ${jsonFiles.map((f) => f.name).join(", ")}`;
    throw new ModelLoadError(
      "missing-files",
      `Choose exactly one model.json together with its weight files (${found}).`,
    );
  }
  const jsonFile = jsonFiles[0];
  const modelJson = parseModelJson(await jsonFile.text(), jsonFile.name);

  const byName = new Map(files.map((f) => [f.name, f]));
  const wanted = modelJson.weightsManifest.flatMap((g) => g.paths.map(fileNameOf));
  const missing = wanted.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    throw new ModelLoadError(
      "missing-files",
      `${jsonFile.name} needs ${wanted.length} weight file${wanted.length === 1 ? "" : "s"}; missing: ${missing.join(", ")}.`,
    );
  }
  const groupBuffers = await Promise.all(
    modelJson.weightsManifest.map((g) =>
      Promise.all(g.paths.map((p) => (byName.get(fileNameOf(p)) as File).arrayBuffer())),
    ),
  );
  return assembleArtifacts(modelJson, groupBuffers);
}
