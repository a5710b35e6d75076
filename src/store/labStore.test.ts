import { describe, expect, it } from "vitest";
import type { ImagenetApi } from "../workers/imagenet/api";
import { createImagenetHandlers } from "../workers/imagenet/handlers";
import { startCpuBackend } from "../workers/rpc/testing/cpuBackend";
import { inProcess } from "../workers/rpc/testing/inProcess";
import { createLabStore } from "./labStore";
import { deadWorker } from "./testing/deadWorker";
import type { SessionClient } from "./workerSession";

const liveWorker = (): SessionClient<ImagenetApi> => {
  const { client, close } = inProcess<ImagenetApi>(
    createImagenetHandlers({ startBackend: startCpuBackend }),
  );
  return { ...client, close };
};

describe("chapter 1's store when its worker fails to start", () => {
  it("says so, fails later jobs at once (none waits), and starts a fresh worker when asked again", async () => {
    const made: string[] = [];
    const store = createLabStore({
      makeClient: () => {
        made.push(made.length === 0 ? "dead" : "live");
        return made.length === 1 ? deadWorker<ImagenetApi>("ImageNet worker") : liveWorker();
      },
      wasmPath: "http://gibbon.test/tfjs-wasm/",
      pageUrl: "http://gibbon.test/",
    });
    await store
      .getState()
      .actions.start("cpu")
      .catch(() => undefined);
    // The attack zoo and the Darknet judge call compute: after a failed start it fails fast, with
    // the start's own words (it waited forever before).
    const compute = store.getState().actions.compute("memory", null);
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("waited")), 5_000),
    );
    // A fresh worker is made for this call: it answers.
    await expect(Promise.race([compute, timeout])).resolves.toEqual({ numTensors: 0 });
    expect(made).toEqual(["dead", "live"]);
    expect(store.getState().workerEpoch).toBe(2);
  });

  it("init after a failed start: one notice in plain words, with a way on", async () => {
    let first = true;
    const store = createLabStore({
      makeClient: () => {
        const client = first ? deadWorker<ImagenetApi>("ImageNet worker") : liveWorker();
        first = false;
        return client;
      },
      wasmPath: "http://gibbon.test/tfjs-wasm/",
      pageUrl: "http://gibbon.test/",
    });
    await store.getState().actions.init("cpu");
    expect(store.getState().notice).toMatchObject({ kind: "error", retry: true });
    expect(store.getState().notice?.text).toMatch(/could not start/);
    await store.getState().actions.start("cpu");
    expect(store.getState().backend?.name).toBe("cpu");
  });
});
