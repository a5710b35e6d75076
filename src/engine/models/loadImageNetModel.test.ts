import "fake-indexeddb/auto";
import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ModelLoadError } from "./errors";
import { loadImageNetModel } from "./loadImageNetModel";
import {
  clearModelCache,
  getCachedArtifacts,
  modelCacheKey,
  putCachedArtifacts,
} from "./modelCache";
import { fixtureFetch, MOBILENET_ON_TFHUB, spec } from "./testing/fixtures";

/** A remote copy (the app's own is bundled): the cache is for models that need the network. */
const MOBILENET = MOBILENET_ON_TFHUB;
const offline = async (): Promise<Response> => {
  throw new TypeError("Failed to fetch");
};

beforeAll(async () => {
  await tf.setBackend("cpu");
});
afterEach(async () => {
  await clearModelCache();
  vi.restoreAllMocks();
});

describe("loadImageNetModel", () => {
  it("reads the built-in model from the app's own files and leaves the cache alone", async () => {
    const builtIn = spec("mobilenet_v1_025");
    const fetchFn = fixtureFetch();
    const loaded = await loadImageNetModel(builtIn, { fetchFn });
    expect(loaded.source).toBe("bundled");
    expect(fetchFn.urls).toEqual([
      "models/mobilenet_v1_025/model.json",
      "models/mobilenet_v1_025/group1-shard1of1.bin",
    ]);
    loaded.classifier.dispose();
    expect(await getCachedArtifacts(modelCacheKey(builtIn))).toBeNull();
  });

  it("downloads once, then works offline from the cache", async () => {
    const first = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() });
    expect(first.source).toBe("network");
    first.classifier.dispose();
    expect(await getCachedArtifacts(modelCacheKey(MOBILENET))).not.toBeNull();

    const progress: number[][] = [];
    const second = await loadImageNetModel(MOBILENET, {
      fetchFn: offline,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(second.source).toBe("cache");
    expect(progress).toEqual([[1_870_388, 1_870_388]]);
    const shape = tf.tidy(() => second.classifier.logits(tf.zeros([1, 224, 224, 3])).shape);
    expect(shape).toEqual([1, 1000]);
    second.classifier.dispose();
  });

  it.each([
    ["truncated weights", { weightData: new ArrayBuffer(100) }],
    ["a broken topology", { modelTopology: { node: [{ name: "x", op: "NoSuchOp" }] } }],
  ])("drops a cache entry with %s and downloads again", async (_, damage) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const good = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() });
    good.classifier.dispose();
    const key = modelCacheKey(MOBILENET);
    const cached = await getCachedArtifacts(key);
    await putCachedArtifacts(key, { ...cached, ...damage });

    const fetchFn = fixtureFetch();
    const again = await loadImageNetModel(MOBILENET, { fetchFn });
    expect(again.source).toBe("network");
    expect(fetchFn.urls).toHaveLength(2);
    again.classifier.dispose();
    const repaired = await getCachedArtifacts(key);
    expect(repaired?.weightData).toBeInstanceOf(ArrayBuffer);
    expect((repaired?.weightData as ArrayBuffer | undefined)?.byteLength).toBe(1_870_388);
  });

  it("with cache: false neither reads nor writes the cache", async () => {
    const loaded = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch(), cache: false });
    expect(loaded.source).toBe("network-unkept");
    loaded.classifier.dispose();
    expect(await getCachedArtifacts(modelCacheKey(MOBILENET))).toBeNull();
  });

  it("reports 'offline' when there is neither cache nor network", async () => {
    const error = await loadImageNetModel(MOBILENET, { fetchFn: offline }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).kind).toBe("offline");
  });

  it("still loads when IndexedDB is missing, and says no copy was kept", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const loaded = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() });
      expect(loaded.source).toBe("network-unkept");
      loaded.classifier.dispose();
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it.each([
    ["IndexedDB refuses to open (some private windows)", "open"],
    ["the storage quota is exceeded while caching", "put"],
  ])("still loads when %s, and says no copy was kept", async (_, where) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const quota = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    if (where === "open") vi.spyOn(indexedDB, "open").mockImplementation(quota);
    else vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(quota);
    const loaded = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() });
    expect(loaded.source).toBe("network-unkept");
    const shape = tf.tidy(() => loaded.classifier.logits(tf.zeros([1, 224, 224, 3])).shape);
    expect(shape).toEqual([1, 1000]);
    loaded.classifier.dispose();
  });

  it("leaves no tensors behind after load + dispose", async () => {
    await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() }).then((m) =>
      m.classifier.dispose(),
    );
    const before = tf.memory().numTensors;
    const { classifier } = await loadImageNetModel(MOBILENET, { fetchFn: offline });
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
