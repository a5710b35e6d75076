import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  clearModelCache,
  deleteCachedArtifacts,
  getCachedArtifacts,
  modelCacheKey,
  putCachedArtifacts,
} from "./modelCache";
import { spec } from "./testing/fixtures";

const artifacts = {
  modelTopology: { node: [] },
  format: "graph-model",
  weightSpecs: [{ name: "w", shape: [2], dtype: "float32" as const }],
  weightData: [new Float32Array([1]).buffer, new Float32Array([2]).buffer],
};

afterEach(async () => {
  await clearModelCache();
  vi.restoreAllMocks();
});

describe("modelCache", () => {
  it("keys entries by id and URL", () => {
    expect(modelCacheKey(spec("mobilenet_v2_100"))).toBe(
      "mobilenet_v2_100@https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/classification/2",
    );
  });

  it("round-trips artifacts with the weights joined into one ArrayBuffer", async () => {
    expect(await getCachedArtifacts("k")).toBeNull();
    expect(await putCachedArtifacts("k", artifacts)).toBe(true);
    const back = await getCachedArtifacts("k");
    expect(back?.modelTopology).toEqual({ node: [] });
    expect(back?.format).toBe("graph-model");
    expect(back?.weightSpecs).toEqual(artifacts.weightSpecs);
    expect(back?.weightData).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(new Float32Array(back?.weightData as ArrayBuffer))).toEqual([1, 2]);
    expect(back).not.toHaveProperty("key");
    expect(await deleteCachedArtifacts("k")).toBe(true);
    expect(await getCachedArtifacts("k")).toBeNull();
  });

  it("clears everything", async () => {
    await putCachedArtifacts("a", artifacts);
    await putCachedArtifacts("b", artifacts);
    expect(await clearModelCache()).toBe(true);
    expect(await getCachedArtifacts("a")).toBeNull();
  });

  it("fails soft without IndexedDB", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      expect(await getCachedArtifacts("k")).toBeNull();
      expect(await putCachedArtifacts("k", artifacts)).toBe(false);
      expect(await clearModelCache()).toBe(false);
    } finally {
      globalThis.indexedDB = saved;
    }
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("fails soft when the write is refused (e.g. quota exceeded)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    expect(await putCachedArtifacts("k", artifacts)).toBe(false);
    expect(warn).toHaveBeenCalled();
  });
});
