import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAbort } from "../../engine/abort";
import { digitLogits } from "../../engine/digits/digitModels";
import { accuracy } from "../../engine/digits/evaluate";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../../engine/digits/testing/nodeDigits";
import { inProcessDigits } from "../../store/testing/inProcessDigits";
import { startCpuBackend } from "../rpc/testing/cpuBackend";
import { inProcess } from "../rpc/testing/inProcess";
import { createTrainingHandlers } from "../training/handlers";
import type { TrainingApi } from "../training/protocol";

let worker: ReturnType<typeof inProcessDigits>;
let split: DigitSplit;
/** Live tensors in the worker, read after every job sent before (batch calls queue behind them). */
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;

beforeAll(async () => {
  worker = inProcessDigits();
  split = await loadSplitFromDisk();
  await worker.store.getState().actions.start();
});
afterAll(() => worker.close());

describe("the digits worker (chapters 2-4), through its protocol", () => {
  it("loads the digits and measures the shipped models like an independent copy does", async () => {
    const s = worker.store.getState();
    expect(s.status).toBe("ready");
    expect(s.trainCount).toBe(split.train.count);
    const softmax = await loadShippedModel("softmax");
    const direct = await accuracy(digitLogits(softmax), split.test);
    softmax.dispose();
    expect(s.models.softmax.testAccuracy).toBeCloseTo(direct, 10);
  });

  it("hands its decoded digits to the training worker, which fetches nothing", async () => {
    const training = inProcess<TrainingApi>(
      createTrainingHandlers({
        startBackend: async () => {
          const started = await startCpuBackend();
          return { started, forRuns: async () => started };
        },
      }),
    );
    try {
      const digits = await worker.digits.source();
      const out = await training.client.call("load", { backend: "cpu", digits, wasmPath: "" });
      expect(out.trainDigits).toBe(split.train.count);
      const copy = await training.client.call("digitSplit", null, { priority: "control" });
      // Buffer.equals: toEqual walks 6 million pixels one by one (25 s)
      expect(Buffer.from(copy.test.labels).equals(split.test.labels)).toBe(true);
      expect(Buffer.from(copy.train.pixels).equals(split.train.pixels)).toBe(true);
      expect(worker.fetched.filter((p) => p.endsWith("mnist.bin.gz"))).toHaveLength(1);
    } finally {
      training.close();
    }
  });

  it("answers every chapter's job with plain arrays and leaves no tensor behind", async () => {
    const { call } = worker.client;
    const before = await tensors();
    const { weights, pair } = await call("weightsAndPair", { from: 3, to: 8 });
    expect(weights).toHaveLength(10);
    expect(pair.digit).toHaveLength(784);
    expect(pair.agreement).toBeGreaterThan(0.5); // the step follows w_8 - w_3 (chapter 2)
    const samples = await call("samples", { kind: "mlp", epsLevel: 26 });
    expect(samples.map((d) => d.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const chunk = await call("curveChunk", {
      kind: "softmax",
      start: 0,
      count: 50,
      levels: [0, 26],
    });
    expect(chunk.count).toBe(50);
    expect(chunk.points[1].errorRate).toBeGreaterThan(chunk.points[0].errorRate);
    const out = await call("cleanStages", {
      kind: "cnn",
      digit: { test: -1 },
      label: null,
      eps: 0.1,
    });
    expect(out.index).toBe(split.test.count - 1); // wrapped around
    expect(out.clean.label).toBe(split.test.labels[out.index]);
    const again = await call("epsStages", {
      kind: "cnn",
      clean: out.clean,
      eps: 0.1,
      version: out.version,
    });
    expect(Array.from(again?.probs ?? [])).toEqual(Array.from(out.attack.probs));
    expect(await tensors()).toBe(before);
  });

  it("stops the transfer matrix when it is cancelled, with nothing leaked", async () => {
    const before = await tensors();
    const abort = new AbortController();
    let batches = 0;
    const run = worker.client.call(
      "transferMatrix",
      { attack: { kind: "fgsm", epsLevel: 26, steps: 1 } },
      {
        priority: "batch",
        signal: abort.signal,
        onProgress: (p) => {
          if (p.kind === "batches" && ++batches === 1) abort.abort();
        },
      },
    );
    expect(isAbort(await run.catch((e: unknown) => e))).toBe(true);
    expect(batches).toBe(1); // nothing reported after the cancel
    expect(await tensors()).toBe(before);
  });

  it("a swap of weights gives a new version; a slider value for the old one is refused", async () => {
    const { call } = worker.client;
    const out = await call("cleanStages", {
      kind: "softmax",
      digit: { test: 0 },
      label: null,
      eps: 0.1,
    });
    await worker.store.getState().actions.restoreShipped("softmax");
    const version = worker.store.getState().modelsVersion;
    expect(version).toBe(out.version + 1);
    const stale = await call("epsStages", {
      kind: "softmax",
      clean: out.clean,
      eps: 0.2,
      version: out.version,
    });
    expect(stale).toBeNull();
  });
});
