/**
 * Test-only helpers: serve the real fixture models (../shared/fixtures, beside the project
 * root, never copied into the repo) through a fetch stub that answers the real catalog URLs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { PNG } from "pngjs";
import { expect } from "vitest";
import { findImageNetModel, type ImageNetModelSpec } from "../catalog";
import { ModelLoadError } from "../errors";
import type { FetchFn } from "../fetchArtifacts";

/** /work/shared/fixtures, wherever the clone lives (shared/ sits beside the project dir). */
export const FIXTURES = path.resolve(import.meta.dirname, "../../../../../shared/fixtures");

/** Fixture folder of each catalog model that has one. */
export const FIXTURE_DIRS: Record<string, string> = {
  mobilenet_v1_025: path.join(FIXTURES, "models/mobilenet_v1_025"),
  darknet_tiny: path.join(FIXTURES, "models/darknet_tiny"),
};

/** A catalog spec by id (throws if unknown). */
export function spec(id: string): ImageNetModelSpec {
  const found = findImageNetModel(id);
  if (!found) throw new Error(`no catalog model ${id}`);
  return found;
}

/**
 * MobileNet v1 0.25 as TF Hub publishes it (the app ships its own copy): a remote, TF-Hub-layout
 * spec for testing downloads, `?tfjs-format=file` URLs and the IndexedDB cache.
 */
export const MOBILENET_ON_TFHUB: ImageNetModelSpec = {
  ...spec("mobilenet_v1_025"),
  url: "https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1",
  fromTFHub: true,
  bundled: false,
};

/** Hooks to corrupt what the stub serves: return a Response to override, undefined to pass. */
export type Override = (file: string, bytes: Uint8Array) => Response | undefined;

/** A body streamed in `chunk`-byte pieces, like a real download. */
export function streamedResponse(bytes: Uint8Array, chunk = 256 * 1024): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
  return new Response(body, { status: 200 });
}

/**
 * A fetch stub answering the URLs of the fixture models (the catalog's, and MOBILENET_ON_TFHUB's)
 * from disk. For TF Hub specs the `?tfjs-format=file` query is required, as on tfhub.dev.
 * Unknown URLs get 404.
 */
export function fixtureFetch(override?: Override): FetchFn & { urls: string[] } {
  const urls: string[] = [];
  const specs = [...Object.keys(FIXTURE_DIRS).map(spec), MOBILENET_ON_TFHUB];
  const fn = async (url: string, init?: RequestInit): Promise<Response> => {
    urls.push(url);
    if (init?.signal?.aborted) throw new DOMException("aborted", "AbortError");
    for (const s of specs) {
      const dir = FIXTURE_DIRS[s.id];
      const [base, query] = url.split("?");
      if (!base.startsWith(`${s.url}/`)) continue;
      if (s.fromTFHub !== (query === "tfjs-format=file")) break;
      const file = base.slice(s.url.length + 1);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(path.join(dir, file)));
      } catch {
        break;
      }
      return override?.(file, bytes) ?? streamedResponse(bytes);
    }
    return new Response("Not Found", { status: 404 });
  };
  return Object.assign(fn, { urls });
}

/** The files of a fixture model folder as browser `File`s (as from a file picker). */
export function fixtureFiles(id: string): File[] {
  const dir = FIXTURE_DIRS[id];
  return readdirSync(dir)
    .filter((name) => name === "model.json" || name.startsWith("group"))
    .map((name) => new File([readFileSync(path.join(dir, name))], name));
}

/** A fixture PNG as [H,W,3] floats in [0,1]. */
export function loadPng(name: string): tf.Tensor3D {
  const png = PNG.sync.read(readFileSync(path.join(FIXTURES, "images", name)));
  const rgb = new Float32Array(png.width * png.height * 3);
  for (let i = 0, j = 0; i < png.data.length; i += 4) {
    rgb[j++] = png.data[i] / 255;
    rgb[j++] = png.data[i + 1] / 255;
    rgb[j++] = png.data[i + 2] / 255;
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3]);
}

/** Centre square crop, bilinear resize to size x size, batch of one. */
export function centreCrop(image: tf.Tensor3D, size: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [h, w] = image.shape;
    const side = Math.min(h, w);
    const top = Math.floor((h - side) / 2);
    const left = Math.floor((w - side) / 2);
    const square = tf.slice(image, [top, left, 0], [side, side, 3]);
    return tf.image.resizeBilinear(square, [size, size]).expandDims(0) as tf.Tensor4D;
  });
}

/** Indices of the k largest values of a [1,C] tensor, best first. */
export function topK(logits: tf.Tensor2D, k: number): number[] {
  return tf.tidy(() => Array.from(tf.topk(logits, k).indices.dataSync()));
}

/** Awaits a promise that must reject with a ModelLoadError, and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<ModelLoadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  return error as ModelLoadError;
}
