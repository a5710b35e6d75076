import "fake-indexeddb/auto";
import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ModelLoadError } from "./errors";
import { loadImageNetModel } from "./loadImageNetModel";
import {
  clearModelCache,
  getCachedArtifacts,
  modelCacheKey,
  putCachedArtifacts,
} from "./modelCache";
import { fixtureFetch, spec } from "./testing/fixtures";

const MOBILENET = spec("mobilenet_v1_025");
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
    expect(loaded.source).toBe("network");
    loaded.classifier.dispose();
    expect(await getCachedArtifacts(modelCacheKey(MOBILENET))).toBeNull();
  });

  it("reports 'offline' when there is neither cache nor network", async () => {
    const error = await loadImageNetModel(MOBILENET, { fetchFn: offline }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).kind).toBe("offline");
  });

  it("still loads when IndexedDB is missing", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const loaded = await loadImageNetModel(MOBILENET, { fetchFn: fixtureFetch() });
      expect(loaded.source).toBe("network");
      loaded.classifier.dispose();
    } finally {
      globalThis.indexedDB = saved;
    }
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
