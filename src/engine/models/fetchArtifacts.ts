/**
 * Downloads a model's model.json and weight files with exact byte progress, and turns every
 * failure into a ModelLoadError the page can explain (offline, HTTP status, truncated file, ...).
 */
import type * as tf from "@tensorflow/tfjs-core";
import { errorMessage, withTechnical } from "../../lib/errorMessage";
import { isAbort } from "../abort";
import { type ImageNetModelSpec, modelJsonUrl, weightUrl } from "./catalog";
import { abortedError, fileNameOf, httpError, ModelLoadError, offlineError } from "./errors";
import { assembleArtifacts, checkGroupBytes, groupByteSize, parseModelJson } from "./manifest";

/** The subset of `fetch` the loader uses; tests pass a stub. */
export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

/** Byte progress of the weight download: `total` comes from model.json, so it is exact. */
export type ProgressFn = (loaded: number, total: number) => void;

/** Options of `fetchModelArtifacts`. */
export interface FetchArtifactsOptions {
  /** Defaults to the global fetch. */
  fetchFn?: FetchFn;
  /** Called with (0, total) once model.json is read, then after every chunk received. */
  onProgress?: ProgressFn;
  /** Cancels the download; the promise then rejects with kind 'aborted'. */
  signal?: AbortSignal;
  /**
   * Where the catalog's relative URLs (a model that ships with the app) resolve. A worker passes
   * the page's address: its own would be its script's. Default: the fetch function's own base.
   */
  baseUrl?: string;
}

/**
 * Fetches and validates a model: model.json first, then all weight files in parallel, streamed
 * so that progress is reported per chunk. Resolves to artifacts ready for `tf.io.fromMemory`.
 */
export async function fetchModelArtifacts(
  spec: ImageNetModelSpec,
  options: FetchArtifactsOptions = {},
): Promise<tf.io.ModelArtifacts> {
  const fetchFn: FetchFn = options.fetchFn ?? ((url, init) => fetch(url, init));
  const { onProgress, signal, baseUrl } = options;
  const jsonUrl = resolveUrl(modelJsonUrl(spec), baseUrl);
  const jsonResponse = await request(fetchFn, jsonUrl, signal);
  const text = await guard(jsonUrl, signal, () => jsonResponse.text());
  const modelJson = parseModelJson(text);

  // One controller for all shards: the first failure cancels the others.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const expected = modelJson.weightsManifest.map((g) => groupByteSize(g));
  const total = expected.reduce((a, b) => a + b, 0);
  const received = expected.map(() => 0);
  let loaded = 0;
  onProgress?.(0, total);

  try {
    const groupBuffers = await Promise.all(
      modelJson.weightsManifest.map((group, g) =>
        Promise.all(
          group.paths.map(async (path) => {
            const url = resolveUrl(weightUrl(spec, path), baseUrl);
            const response = await request(fetchFn, url, controller.signal, signal);
            try {
              return await readBody(response, controller.signal, (n) => {
                received[g] += n;
                // Too many bytes: the file is not the one model.json describes.
                if (received[g] > expected[g]) checkGroupBytes(group, received[g], expected[g]);
                loaded += n;
                onProgress?.(loaded, total);
              });
            } catch (error) {
              if (error instanceof ModelLoadError) throw error;
              if (controller.signal.aborted) throw abortedError(error);
              // The connection broke mid-file.
              checkGroupBytes(group, received[g], expected[g], error);
              throw offlineError(url, error);
            }
          }),
        ),
      ),
    );
    return await assembleArtifacts(modelJson, groupBuffers);
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * `url` made absolute against `base`. A failure here is the page's own fault, not the network's,
 * and says so (a worker that never got the page's address once reported "did not answer").
 */
function resolveUrl(url: string, base: string | undefined): string {
  if (base === undefined) return url;
  try {
    return new URL(url, base).href;
  } catch (error) {
    throw new Error(
      withTechnical(
        `Gibbon could not work out the address of ${fileNameOf(url)}: a fault of the page, not of the network. Reloading may help.`,
        `${url} against "${base}": ${errorMessage(error)}`,
      ),
    );
  }
}

/** fetch(url) mapped to ModelLoadErrors: aborted, offline (no answer) or http (status). */
async function request(
  fetchFn: FetchFn,
  url: string,
  signal: AbortSignal | undefined,
  userSignal: AbortSignal | undefined = signal,
): Promise<Response> {
  if (userSignal?.aborted) throw abortedError(userSignal.reason);
  const response = await guard(url, userSignal, () => fetchFn(url, { signal }));
  if (!response.ok) throw httpError(url, response.status);
  return response;
}

/** Runs a network step; an abort becomes 'aborted', any other failure 'offline'. */
async function guard<T>(
  url: string,
  signal: AbortSignal | undefined,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    if (signal?.aborted || isAbort(error)) throw abortedError(error);
    throw offlineError(url, error);
  }
}

/** Reads a response body chunk by chunk (falls back to arrayBuffer() without a stream). */
async function readBody(
  response: Response,
  signal: AbortSignal,
  onChunk: (bytes: number) => void,
): Promise<ArrayBuffer> {
  if (response.body === null) {
    const buffer = await response.arrayBuffer();
    onChunk(buffer.byteLength);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // Real fetch errors the stream on abort; do not rely on every fetch doing so.
      if (signal.aborted) throw abortedError(signal.reason);
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      onChunk(value.byteLength);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined.buffer;
}
