/**
 * The one call the app makes to get an ImageNet classifier: IndexedDB cache first (so a
 * lecture works offline after one visit), else the network, then the cache is filled.
 */
import type * as tf from "@tensorflow/tfjs-core";
import { artifactsFromFiles } from "./artifactsFromFiles";
import type { ImageNetModelSpec } from "./catalog";
import { type ClassifierOptions, createClassifier, type ImageNetClassifier } from "./classifier";
import { type FetchArtifactsOptions, fetchModelArtifacts } from "./fetchArtifacts";
import { detectModelFormat, isCompleteArtifacts } from "./manifest";
import {
  deleteCachedArtifacts,
  getCachedArtifacts,
  modelCacheKey,
  putCachedArtifacts,
} from "./modelCache";

/** Options of `loadImageNetModel`. */
export interface LoadImageNetModelOptions extends FetchArtifactsOptions, TensorWork {
  /** Read and fill the IndexedDB cache (default: yes, except for a model that ships with the app). */
  cache?: boolean;
}

/** How a loader runs its tensor work (building the model, its test run). */
export interface TensorWork {
  /** Default: at once. A worker passes its job's `exclusive`, so downloads hold no turn. */
  withTensors?: <T>(work: () => Promise<T>) => Promise<T>;
}

const atOnce = <T>(work: () => Promise<T>) => work();

/**
 * Where a classifier's weights came from: shipped with the app, this browser's cache, the
 * network (a copy kept for offline use), or the network with no copy kept (storage refused:
 * a private window, or the quota full; or caching turned off).
 */
export type ModelSource = "bundled" | "cache" | "network" | "network-unkept";

/** A loaded classifier and where its weights came from. */
export interface LoadedImageNetModel {
  classifier: ImageNetClassifier;
  source: ModelSource;
}

function optionsOf(spec: ImageNetModelSpec): ClassifierOptions {
  return {
    id: spec.id,
    label: spec.label,
    format: spec.format,
    inputRange: spec.inputRange,
    classOrder: spec.classOrder,
  };
}

async function fromCache(
  spec: ImageNetModelSpec,
  key: string,
  { onProgress, withTensors = atOnce }: LoadImageNetModelOptions,
): Promise<ImageNetClassifier | null> {
  const cached = await getCachedArtifacts(key);
  if (cached === null) return null;
  if (isCompleteArtifacts(cached)) {
    try {
      const classifier = await withTensors(() => createClassifier(cached, optionsOf(spec)));
      const bytes = (cached.weightData as ArrayBuffer).byteLength;
      onProgress?.(bytes, bytes);
      return classifier;
    } catch (error) {
      console.warn(`[gibbon] cached ${spec.id} is unusable; downloading it again.`, error);
    }
  }
  await deleteCachedArtifacts(key);
  return null;
}

/**
 * Loads a catalog model: one that ships with the app from the app's own files; any other from
 * the cache if a valid copy is there, else from the network (then cached). A corrupt cache entry is dropped and the model downloaded again. Rejects with a
 * ModelLoadError whose message can be shown as is.
 */
export async function loadImageNetModel(
  spec: ImageNetModelSpec,
  options: LoadImageNetModelOptions = {},
): Promise<LoadedImageNetModel> {
  const { cache = !spec.bundled, withTensors = atOnce, ...fetchOptions } = options;
  const key = modelCacheKey(spec);
  if (cache) {
    const classifier = await fromCache(spec, key, options);
    if (classifier !== null) return { classifier, source: "cache" };
  }
  const artifacts = await fetchModelArtifacts(spec, fetchOptions);
  const classifier = await withTensors(() => createClassifier(artifacts, optionsOf(spec)));
  if (spec.bundled) return { classifier, source: "bundled" };
  // Cache only what proved to be a working classifier.
  const kept = cache && (await putCachedArtifacts(key, artifacts));
  return { classifier, source: kept ? "network" : "network-unkept" };
}

/** Options of `loadClassifierFromFiles`. */
export interface LoadFromFilesOptions extends TensorWork {
  /** Range the model expects (default [0,1]). */
  inputRange?: [number, number];
  /** Logit order (default standard). */
  classOrder?: ClassifierOptions["classOrder"];
  /** Display name (default: the model.json file name). */
  label?: string;
}

/**
 * "Load model from files": builds a classifier from a model.json and its weight files chosen
 * by the user (graph or layers model, detected from model.json). Nothing is cached or uploaded.
 */
export async function loadClassifierFromFiles(
  files: readonly File[],
  options: LoadFromFilesOptions = {},
): Promise<ImageNetClassifier> {
  const artifacts: tf.io.ModelArtifacts = await artifactsFromFiles(files);
  const jsonName = files.find((f) => f.name.toLowerCase().endsWith(".json"))?.name ?? "model.json";
  const { withTensors = atOnce } = options;
  return withTensors(() =>
    createClassifier(artifacts, {
      id: `file:${jsonName}`,
      label: options.label ?? jsonName,
      format: detectModelFormat(artifacts),
      inputRange: options.inputRange ?? [0, 1],
      classOrder: options.classOrder,
    }),
  );
}
