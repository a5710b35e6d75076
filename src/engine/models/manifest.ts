/**
 * model.json checks and artifact assembly shared by every way of loading a model (network,
 * files on disk, IndexedDB cache): parse and validate the JSON, compute how many bytes each
 * weight group must hold, and join the weight files into `tf.io.ModelArtifacts`.
 */
import * as tf from "@tensorflow/tfjs-core";
import { fileNameOf, formatBytes, ModelLoadError, truncatedError } from "./errors";

/** One group of a weights manifest: weight files (paths) and the weights they hold. */
export type WeightGroupConfig = tf.io.WeightsManifestConfig[number];

const BYTES_PER_VALUE: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

function notAModel(name: string, detail: string, cause?: unknown): ModelLoadError {
  return new ModelLoadError(
    "not-a-model",
    `${name} is not a TensorFlow.js model (${detail}).`,
    cause === undefined ? undefined : { cause },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isWeightEntry(value: unknown): value is tf.io.WeightsManifestEntry {
  return (
    isObject(value) &&
    typeof value.name === "string" &&
    Array.isArray(value.shape) &&
    value.shape.every((d) => Number.isInteger(d) && d >= 0) &&
    typeof value.dtype === "string"
  );
}

function isGroup(value: unknown): value is WeightGroupConfig {
  return (
    isObject(value) &&
    Array.isArray(value.paths) &&
    value.paths.length > 0 &&
    value.paths.every((p) => typeof p === "string") &&
    Array.isArray(value.weights) &&
    value.weights.every(isWeightEntry)
  );
}

/**
 * Parses and validates the text of a model.json. Throws ModelLoadError 'not-a-model' for
 * invalid JSON, a missing modelTopology/weightsManifest, or weights of unknown size.
 */
export function parseModelJson(text: string, name = "model.json"): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw notAModel(name, "it is not valid JSON", error);
  }
  if (!isObject(json) || !isObject(json.modelTopology) || !Array.isArray(json.weightsManifest)) {
    throw notAModel(name, "no modelTopology/weightsManifest");
  }
  if (!json.weightsManifest.every(isGroup)) {
    throw notAModel(name, "its weightsManifest is malformed");
  }
  const modelJson = json as unknown as tf.io.ModelJSON;
  for (const group of modelJson.weightsManifest) groupByteSize(group, name);
  return modelJson;
}

/** Bytes one weight occupies in the weight files (after quantization, if any). */
export function weightByteSize(entry: tf.io.WeightsManifestEntry, name = "model.json"): number {
  const storedDtype = entry.quantization?.dtype ?? entry.dtype;
  const bytes = BYTES_PER_VALUE[storedDtype];
  if (bytes === undefined) {
    throw notAModel(name, `weight ${entry.name} has dtype ${storedDtype}, whose size is unknown`);
  }
  return entry.shape.reduce((n, d) => n * d, 1) * bytes;
}

/** Bytes a weight group's files must hold together. */
export function groupByteSize(group: WeightGroupConfig, name?: string): number {
  return group.weights.reduce((sum, w) => sum + weightByteSize(w, name), 0);
}

/** Total weight bytes a model.json describes: the exact denominator of a progress bar. */
export function totalWeightBytes(modelJson: tf.io.ModelJSON): number {
  return modelJson.weightsManifest.reduce((sum, g) => sum + groupByteSize(g), 0);
}

/** "group1-shard1of1.bin", or "a + b" for a group split over several files. */
export function groupLabel(group: WeightGroupConfig): string {
  return group.paths.map(fileNameOf).join(" + ");
}

/**
 * Throws if a weight group's files hold `received` bytes where `expected` are needed:
 * 'truncated' when short, 'not-a-model' when too long (the files do not belong together).
 */
export function checkGroupBytes(
  group: WeightGroupConfig,
  received: number,
  expected: number,
  cause?: unknown,
): void {
  if (received < expected) throw truncatedError(groupLabel(group), received, expected, cause);
  if (received > expected) {
    throw new ModelLoadError(
      "not-a-model",
      `${groupLabel(group)} holds ${formatBytes(received)} but model.json describes ${formatBytes(expected)}: the files do not belong together.`,
    );
  }
}

/**
 * Joins the weight files (one array of buffers per manifest group, in path order) into
 * ModelArtifacts with a single weightData buffer, checking each group's size first.
 */
export async function assembleArtifacts(
  modelJson: tf.io.ModelJSON,
  groupBuffers: ArrayBuffer[][],
): Promise<tf.io.ModelArtifacts> {
  modelJson.weightsManifest.forEach((group, i) => {
    const received = (groupBuffers[i] ?? []).reduce((sum, b) => sum + b.byteLength, 0);
    checkGroupBytes(group, received, groupByteSize(group));
  });
  return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => [
    tf.io.getWeightSpecs(manifest),
    tf.io.CompositeArrayBuffer.join(groupBuffers.flat()),
  ]);
}

/**
 * Checks artifacts that did not come straight from model.json (e.g. the cache): a topology,
 * weight specs, and a single weight buffer of exactly the size the specs need.
 */
export function isCompleteArtifacts(artifacts: tf.io.ModelArtifacts): boolean {
  const { modelTopology, weightSpecs, weightData } = artifacts;
  if (!isObject(modelTopology) || !Array.isArray(weightSpecs)) return false;
  if (!(weightData instanceof ArrayBuffer) || !weightSpecs.every(isWeightEntry)) return false;
  try {
    const needed = weightSpecs.reduce((sum, w) => sum + weightByteSize(w), 0);
    return needed === weightData.byteLength;
  } catch {
    return false;
  }
}

/** Graph or layers model, from model.json's `format` or, failing that, its topology's shape. */
export function detectModelFormat(artifacts: tf.io.ModelArtifacts): "graph" | "layers" {
  if (artifacts.format === "graph-model") return "graph";
  if (artifacts.format === "layers-model") return "layers";
  const topology = artifacts.modelTopology;
  if (isObject(topology) && Array.isArray(topology.node)) return "graph";
  if (isObject(topology) && ("model_config" in topology || "class_name" in topology)) {
    return "layers";
  }
  throw notAModel("model.json", "its topology is neither a graph nor a Keras model");
}
