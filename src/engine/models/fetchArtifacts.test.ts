import { describe, expect, it } from "vitest";
import { splitTechnical } from "../../lib/errorMessage";
import { findImageNetModel, modelJsonUrl, weightUrl } from "./catalog";
import { fetchModelArtifacts } from "./fetchArtifacts";
import { failure, fixtureFetch, MOBILENET_ON_TFHUB, streamedResponse } from "./testing/fixtures";

const MOBILENET = MOBILENET_ON_TFHUB;
const SHARD = "group1-shard1of1.bin";
const WEIGHT_BYTES = 1_870_388;

describe("fetchModelArtifacts", () => {
  it("fetches the real MobileNet files from their TF Hub URLs with exact, monotone progress", async () => {
    const fetchFn = fixtureFetch();
    const progress: [number, number][] = [];
    const artifacts = await fetchModelArtifacts(MOBILENET, {
      fetchFn,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(fetchFn.urls).toEqual([
      "https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file",
      `https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/${SHARD}?tfjs-format=file`,
    ]);
    expect(fetchFn.urls).toEqual([modelJsonUrl(MOBILENET), weightUrl(MOBILENET, SHARD)]);
    expect(artifacts.format).toBe("graph-model");
    expect(artifacts.weightSpecs).toHaveLength(59);
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(WEIGHT_BYTES);
    expect(progress[0]).toEqual([0, WEIGHT_BYTES]);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([WEIGHT_BYTES, WEIGHT_BYTES]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
      expect(progress[i][1]).toBe(WEIGHT_BYTES);
    }
  });

  it("reports 'offline' when fetch itself throws", async () => {
    const fetchFn = async () => {
      throw new TypeError("Failed to fetch");
    };
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("offline");
    expect(error.message).toMatch(/^tfhub\.dev (did not answer|cannot be reached)/);
  });

  it("says what the browser reported when fetch itself throws, folded away", async () => {
    const fetchFn = async () => {
      throw new TypeError("Load failed");
    };
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(splitTechnical(error.message).technical).toBe(
      `fetch ${modelJsonUrl(MOBILENET)}: Load failed`,
    );
  });

  it("resolves an app model's relative URLs against the page, and blames the page, not the network, without one", async () => {
    const bundled = findImageNetModel("mobilenet_v1_025");
    if (!bundled) throw new Error("no bundled MobileNet in the catalog");
    const urls: string[] = [];
    const fetchFn = async (url: string) => {
      urls.push(url);
      return new Response("gone", { status: 404 });
    };
    await failure(fetchModelArtifacts(bundled, { fetchFn, baseUrl: "http://gibbon.test/app/" }));
    expect(urls).toEqual(["http://gibbon.test/app/models/mobilenet_v1_025/model.json"]);
    // A worker that never got the page's address (WebKit once ran a second, unstarted copy).
    const error = await fetchModelArtifacts(bundled, { fetchFn, baseUrl: "" }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /^Gibbon could not work out the address of model\.json: a fault of the page, not of the network/,
    );
    expect(splitTechnical(error?.message ?? "").technical).toMatch(/models\/mobilenet_v1_025/);
    expect(urls).toHaveLength(1);
  });

  it("reports 'http' with the file name for a 404", async () => {
    const fetchFn = fixtureFetch((file) =>
      file === SHARD ? new Response("gone", { status: 404 }) : undefined,
    );
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("http");
    expect(error.message).toBe(`tfhub.dev refused the file ${SHARD} (HTTP 404).`);

    const noJson = fixtureFetch((file) =>
      file === "model.json" ? new Response("", { status: 503 }) : undefined,
    );
    const jsonError = await failure(fetchModelArtifacts(MOBILENET, { fetchFn: noJson }));
    expect(jsonError.message).toBe("tfhub.dev refused the file model.json (HTTP 503).");
  });

  it("reports 'truncated' for a shard cut in half", async () => {
    const fetchFn = fixtureFetch((file, bytes) =>
      file === SHARD ? streamedResponse(bytes.slice(0, bytes.length / 2)) : undefined,
    );
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("truncated");
    expect(error.message).toBe(
      `The weight file ${SHARD} is incomplete: received 935.2 kB of 1.9 MB.`,
    );
  });

  it("reports 'truncated' when the connection breaks mid-file", async () => {
    const fetchFn = fixtureFetch((file, bytes) => {
      if (file !== SHARD) return undefined;
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) controller.error(new TypeError("network error"));
          else controller.enqueue(bytes.slice(0, 500_000));
          sent = true;
        },
      });
      return new Response(body);
    });
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("truncated");
    expect(error.message).toContain("received 500.0 kB of 1.9 MB");
  });

  it("rejects a shard longer than the manifest says", async () => {
    const fetchFn = fixtureFetch((file, bytes) =>
      file === SHARD ? streamedResponse(new Uint8Array(bytes.length + 4)) : undefined,
    );
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("not-a-model");
    expect(error.message).toContain("do not belong together");
  });

  it.each([
    ['{"hello":1}', "no modelTopology/weightsManifest"],
    ["<html>Sign in</html>", "not valid JSON"],
  ])("reports 'not-a-model' for model.json = %s", async (text, detail) => {
    const fetchFn = fixtureFetch((file) =>
      file === "model.json" ? new Response(text) : undefined,
    );
    const error = await failure(fetchModelArtifacts(MOBILENET, { fetchFn }));
    expect(error.kind).toBe("not-a-model");
    expect(error.message).toContain("model.json is not a TensorFlow.js model");
    expect(error.message).toContain(detail);
  });

  it("reports 'aborted' when the signal fires", async () => {
    const controller = new AbortController();
    const fetchFn = fixtureFetch();
    const pending = fetchModelArtifacts(MOBILENET, {
      fetchFn,
      signal: controller.signal,
      onProgress: (loaded) => {
        if (loaded > 0) controller.abort();
      },
    });
    const error = await failure(pending);
    expect(error.kind).toBe("aborted");

    const already = await failure(
      fetchModelArtifacts(MOBILENET, { fetchFn, signal: AbortSignal.abort() }),
    );
    expect(already.kind).toBe("aborted");
  });
});
