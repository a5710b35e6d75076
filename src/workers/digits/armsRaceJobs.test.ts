import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessDigits } from "../../store/testing/inProcessDigits";
import { MODEL_CHANGED } from "../rpc/modelSlot";
import type { SampleProgress } from "./armsRaceApi";

let worker: ReturnType<typeof inProcessDigits>;
const URL = "http://gibbon.test/models/smoothing/";
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;
const settings = { kind: "sigma025", url: URL, n0: 50, n: 1000, alpha: 0.001, seed: 3 } as const;

beforeAll(async () => {
  worker = inProcessDigits();
  await worker.store.getState().actions.start();
  // The base classifier stays loaded once asked for: count tensors after that.
  await worker.client.call("certify", { ...settings, n: 10, source: { test: 0 } });
});
afterAll(() => worker.close());

describe("chapter 8's jobs in the digits worker, through its protocol", () => {
  it("certifies a test digit with plain arrays, reporting samples as it draws them", async () => {
    const before = await tensors();
    const seen: SampleProgress[] = [];
    const c = await worker.client.call(
      "certify",
      { ...settings, source: { test: 0 } },
      { onProgress: (p) => seen.push(p) },
    );
    expect(c.votes.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(c.input).toHaveLength(784);
    expect(c.sigma).toBe(0.25);
    expect(c.prediction).toBe(c.label);
    expect(c.radius).toBeGreaterThan(0.3);
    expect(seen.at(-1)).toEqual({ done: 1050, total: 1050 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(await tensors()).toBe(before);
  });

  it("attacks the smoothed classifier within its L2 radius (8-bit) and certifies the result afresh", async () => {
    const before = await tensors();
    const a = await worker.client.call("smoothAttack", {
      ...settings,
      source: { test: 1 },
      radius: 1.5,
      steps: 10,
      samples: 16,
    });
    const grid = a.adversarial.every((v) => Math.abs(v * 255 - Math.round(v * 255)) < 1e-3);
    expect(grid).toBe(true);
    // Rounding to 8 bits moves each pixel by at most half a level: sqrt(784) / 510 in all.
    expect(a.distance).toBeLessThanOrEqual(1.5 + 28 / 510);
    expect(a.distance).toBeGreaterThan(0.5);
    expect(a.certificate.votes.reduce((s, v) => s + v, 0)).toBe(1000);
    expect(await tensors()).toBe(before);
  });

  it("certifies test digits one by one for the curve, and stops when cancelled", async () => {
    const before = await tensors();
    const entries = await worker.client.call("certifyCurve", { ...settings, n: 200, count: 6 });
    expect(entries).toHaveLength(6);
    const correct = entries.filter((e) => e.prediction === e.label).length;
    expect(correct).toBeGreaterThanOrEqual(5);
    const stop = new AbortController();
    const cancelled = worker.client.call(
      "certifyCurve",
      { ...settings, count: 50 },
      {
        signal: stop.signal,
        onProgress: (p) => {
          if ((p.entries?.length ?? 0) >= 1) stop.abort();
        },
      },
    );
    await expect(cancelled).rejects.toHaveProperty("name", "AbortError");
    expect(await tensors()).toBe(before);
  });

  it("fills the defence table chunk by chunk: PGD through the defence fails, BPDA does not", async () => {
    const before = await tensors();
    const done: number[] = [];
    const hits = await worker.client.call(
      "defenceTable",
      { levels: 4, epsLevel: 51, steps: 5, count: 60, seed: 1 },
      { priority: "batch", onProgress: (p) => done.push(p.done) },
    );
    expect(done).toEqual([50, 60]);
    expect(hits.count).toBe(60);
    expect(hits.defended.fgsm).toBe(hits.defended.clean);
    expect(hits.defended.pgd).toBeGreaterThan(hits.defended.bpda + 30);
    expect(await tensors()).toBe(before);
  });
});

describe("retraining a base classifier live, through the protocol", () => {
  it("trains under noise with progress, pauses, swaps the new weights in, and resets to the shipped ones", async () => {
    const { call } = worker.client;
    const shipped = await call("smoothRestore", { kind: "sigma050", url: URL });
    const before = await tensors();
    const steps: number[] = [];
    const at: number[] = [];
    const epochs: number[] = [];
    let paused = false;
    const done = call(
      "smoothTrain",
      { kind: "sigma050", url: URL, epochs: 1, trainDigits: 640 },
      {
        priority: "batch",
        onProgress: (p) => {
          if (p.kind === "epoch") return epochs.push(p.noisyAccuracy);
          steps.push(p.step);
          at.push(performance.now());
          if (p.step === 2 && !paused) {
            paused = true;
            void call("smoothTrainControl", { paused: true }, { priority: "control" });
            setTimeout(() => {
              void call("smoothTrainControl", { paused: false }, { priority: "control" });
            }, 400);
          }
        },
      },
    );
    // While paused, an interactive certificate still runs (on the shipped weights).
    const during = await call("certify", { ...settings, kind: "sigma050", source: { test: 3 } });
    expect(during.votes.reduce((a, b) => a + b, 0)).toBe(1000);
    const trained = await done;
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(Math.max(...gaps), "the pause held").toBeGreaterThan(350);
    expect(epochs).toHaveLength(1);
    // Ten minibatches of noisy digits teach far less than the shipped six epochs.
    expect(trained.noisyAccuracy).toBeLessThan(shipped.noisyAccuracy);
    expect(trained.noisyAccuracy).toBeCloseTo(epochs[0], 10);
    const back = await call("smoothRestore", { kind: "sigma050", url: URL });
    expect(back.noisyAccuracy).toBe(shipped.noisyAccuracy);
    expect(await tensors()).toBe(before);
  }, 300_000);

  it("stops a job on the old weights when new ones come in, and frees them", async () => {
    const { call } = worker.client;
    await call("smoothRestore", { kind: "sigma050", url: URL });
    const before = await tensors();
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const curve = call(
      "certifyCurve",
      { ...settings, kind: "sigma050", count: 50 },
      { priority: "batch", onProgress: () => started() },
    );
    await running;
    await call("smoothRestore", { kind: "sigma050", url: URL });
    await expect(curve).rejects.toThrow(MODEL_CHANGED);
    expect(await tensors()).toBe(before);
  }, 120_000);
});
