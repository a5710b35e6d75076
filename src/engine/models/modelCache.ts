/**
 * IndexedDB cache of downloaded model artifacts, so a lecture still works offline after one
 * visit. Own database "gibbon-models", store "artifacts". Everything here fails soft: without
 * IndexedDB, or when the quota is exceeded, reads return null and writes return false.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { ImageNetModelSpec } from "./catalog";

const DB_NAME = "gibbon-models";
const STORE = "artifacts";
const DB_VERSION = 1;

/** What one cache record holds: the artifacts, weights joined into one buffer, plus the key. */
export type CachedArtifactsRecord = Omit<tf.io.ModelArtifacts, "weightData" | "getWeightStream"> & {
  key: string;
  savedAt: number;
  weightData?: ArrayBuffer;
};

/** Cache key of a catalog model: its id and URL, so a changed URL never serves stale weights. */
export function modelCacheKey(spec: Pick<ImageNetModelSpec, "id" | "url">): string {
  return `${spec.id}@${spec.url}`;
}

let warnedUnavailable = false;

function warn(what: string, error: unknown): void {
  if (typeof indexedDB === "undefined") {
    if (!warnedUnavailable) console.warn("[gibbon] model cache: no IndexedDB here; not caching.");
    warnedUnavailable = true;
    return;
  }
  console.warn(`[gibbon] model cache: ${what} failed; continuing without it.`, error);
}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === "undefined") return Promise.reject(new Error("no IndexedDB"));
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) {
      request.result.createObjectStore(STORE, { keyPath: "key" });
    }
  };
  request.onblocked = () => console.warn("[gibbon] model cache: database upgrade blocked.");
  return promisify(request);
}

/** Runs one request in a transaction and waits for the transaction to commit. */
async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const result = promisify(run(tx.objectStore(STORE)));
    result.catch(() => {}); // reported through the transaction below
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("transaction aborted"));
    });
    return await result;
  } finally {
    db.close();
  }
}

/** The cached artifacts for `key`, or null when absent or when the cache is unavailable. */
export async function getCachedArtifacts(key: string): Promise<tf.io.ModelArtifacts | null> {
  try {
    const record = (await withStore("readonly", (s) => s.get(key))) as
      | CachedArtifactsRecord
      | undefined;
    if (record === undefined) return null;
    const { key: _key, savedAt: _savedAt, ...artifacts } = record;
    return artifacts;
  } catch (error) {
    warn("read", error);
    return null;
  }
}

/** Stores artifacts under `key` (weights joined into one buffer). False if it could not. */
export async function putCachedArtifacts(
  key: string,
  artifacts: tf.io.ModelArtifacts,
): Promise<boolean> {
  try {
    const { getWeightStream: _stream, weightData, ...rest } = artifacts;
    const record: CachedArtifactsRecord = {
      ...rest,
      key,
      savedAt: Date.now(),
      weightData:
        weightData === undefined ? undefined : tf.io.CompositeArrayBuffer.join(weightData),
    };
    await withStore("readwrite", (s) => s.put(record));
    return true;
  } catch (error) {
    warn("write", error);
    return false;
  }
}

/** Removes one entry (e.g. a corrupt one). False if it could not. */
export async function deleteCachedArtifacts(key: string): Promise<boolean> {
  try {
    await withStore("readwrite", (s) => s.delete(key));
    return true;
  } catch (error) {
    warn("delete", error);
    return false;
  }
}

/** Empties the model cache. False if it could not. */
export async function clearModelCache(): Promise<boolean> {
  try {
    await withStore("readwrite", (s) => s.clear());
    return true;
  } catch (error) {
    warn("clear", error);
    return false;
  }
}
