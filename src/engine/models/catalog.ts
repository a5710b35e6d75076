/**
 * The ImageNet classifiers Gibbon can load, where they live, and how to call them.
 * MobileNet v1 0.25 ships with the app (public/models/, byte-identical to TF Hub's files, its
 * licence beside it), so chapter 1 needs no third-party host; the other models load from their
 * public URLs (MobileNet v2's is the one `@tensorflow-models/mobilenet` 2.1.1 uses).
 */

/** Order of the model's 1000 logits: the standard ILSVRC order, or Darknet's own order. */
export type ClassOrder = "standard" | "darknet";

/** Everything needed to download, cache and call one ImageNet classifier. */
export interface ImageNetModelSpec {
  /** Stable id, also part of the cache key. */
  id: string;
  /** Short name for menus. */
  label: string;
  /** One sentence for the model picker. */
  description: string;
  /**
   * Base URL: the folder that holds model.json and the weight files. A relative URL is served by
   * the app itself (resolved against the page, so the build works from any folder).
   */
  url: string;
  /** Ships with the app: no network needed, so it is not copied into the IndexedDB cache. */
  bundled?: boolean;
  /** TF Hub layout: every file is requested with `?tfjs-format=file`. */
  fromTFHub: boolean;
  /** tfjs graph model (converter) or layers model (Keras). */
  format: "graph" | "layers";
  /** Default input side in pixels (the loaded model's own input shape takes precedence). */
  inputSize: number;
  /** Value range the model expects; the classifier rescales [0,1] images to it. */
  inputRange: [number, number];
  /** Download size of the weight files in bytes (approximate where noted), for the UI. */
  sizeBytes: number;
  /** Licence of the weights. */
  licence: string;
  /** Where the model comes from (human-readable, with a URL). */
  source: string;
  /** Order of the model's logits; absent means standard. */
  classOrder?: ClassOrder;
}

/** MobileNet v1, width 0.25: the fast default, built in (1001 logits, index 0 = background). */
const MOBILENET_V1_025: ImageNetModelSpec = {
  id: "mobilenet_v1_025",
  label: "MobileNet v1 0.25 — fast",
  description: "A tiny MobileNet (0.47 M parameters) that ships with Gibbon: quick to attack.",
  url: "models/mobilenet_v1_025",
  bundled: true,
  fromTFHub: false,
  format: "graph",
  inputSize: 224,
  inputRange: [0, 1],
  sizeBytes: 1_870_388,
  licence: "Apache-2.0",
  source:
    "Google, TF Hub google/imagenet/mobilenet_v1_025_224/classification/1 (bundled unmodified)",
};

/** MobileNet v2, width 1.0: slower, more accurate (1001 logits, index 0 = background). */
const MOBILENET_V2_100: ImageNetModelSpec = {
  id: "mobilenet_v2_100",
  label: "MobileNet v2 1.0 — accurate",
  description:
    "The full-width MobileNet v2 (3.5 M parameters): better predictions for ~15x the compute.",
  url: "https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/classification/2",
  fromTFHub: true,
  format: "graph",
  inputSize: 224,
  inputRange: [0, 1],
  // Approximate: 3.5 M float32 parameters.
  sizeBytes: 14_000_000,
  licence: "Apache-2.0",
  source: "Google, TF Hub google/imagenet/mobilenet_v2_100_224/classification/2",
};

/** ml5's Darknet "tiny" classifier: a differently built model, logits in Darknet order. */
const DARKNET_TINY: ImageNetModelSpec = {
  id: "darknet_tiny",
  label: "Darknet tiny (ml5)",
  description: "A small Darknet reference network converted by ml5: a second architecture.",
  // The folder ml5's own Darknet loader (ml5-library src/ImageClassifier/darknet.js) uses.
  url: "https://cdn.jsdelivr.net/gh/ml5js/ml5-data-and-models@master/models/darknetclassifier/darknettiny",
  fromTFHub: false,
  format: "layers",
  inputSize: 224,
  inputRange: [0, 1],
  sizeBytes: 4_185_952,
  licence: "MIT",
  source: "ml5js/ml5-data-and-models, models/darknetclassifier/darknettiny (github.com/ml5js)",
  classOrder: "darknet",
};

/** All ImageNet classifiers the app offers, default first. */
export const IMAGENET_MODELS: readonly ImageNetModelSpec[] = [
  MOBILENET_V1_025,
  MOBILENET_V2_100,
  DARKNET_TINY,
];

/** Looks a model up by id; undefined if unknown. */
export function findImageNetModel(id: string): ImageNetModelSpec | undefined {
  return IMAGENET_MODELS.find((m) => m.id === id);
}

function tfHubSuffix(spec: ImageNetModelSpec): string {
  return spec.fromTFHub ? "?tfjs-format=file" : "";
}

function baseUrl(spec: ImageNetModelSpec): string {
  return spec.url.replace(/\/+$/, "");
}

/** URL of the model's model.json (as tfjs `fromTFHub` builds it for TF Hub models). */
export function modelJsonUrl(spec: ImageNetModelSpec): string {
  return `${baseUrl(spec)}/model.json${tfHubSuffix(spec)}`;
}

/** URL of one weight file named in the manifest (`path` is relative to the model folder). */
export function weightUrl(spec: ImageNetModelSpec, path: string): string {
  return `${baseUrl(spec)}/${path}${tfHubSuffix(spec)}`;
}
