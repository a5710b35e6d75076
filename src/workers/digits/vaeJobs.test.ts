import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessDigits } from "../../store/testing/inProcessDigits";

let worker: ReturnType<typeof inProcessDigits>;
const URL = "http://gibbon.test/models/vae/";
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;

beforeAll(async () => {
  worker = inProcessDigits();
  await worker.store.getState().actions.start();
});
afterAll(() => worker.close());

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe("chapter 7's jobs in the digits worker, through its protocol", () => {
  it("maps the 2,000 test digits through the 16-D VAE's two principal components", async () => {
    const { call } = worker.client;
    const map = await call("vaeMap", { kind: "vae16", url: URL });
    expect(map.points).toHaveLength(2 * 2000);
    expect(map.labels).toHaveLength(2000);
    expect(map.centroidPoints).toHaveLength(20);
    const [a, b] = map.projection.explained ?? [0, 0];
    expect(a).toBeGreaterThanOrEqual(b);
    expect(a + b).toBeLessThan(1);
    expect(map.test.negElbo).toBeLessThan(130);
    const flat = await call("vaeMap", { kind: "vae2", url: URL });
    expect(flat.projection.explained).toBeNull();
  });

  it("walks one digit's code toward the target as eps grows, while noise stays put", async () => {
    const { call } = worker.client;
    await call("vaeMap", { kind: "vae16", url: URL });
    const before = await tensors();
    const path = await call("vaePath", {
      kind: "vae16",
      objective: "latent",
      steps: 10,
      levels: [0, 13, 26, 51],
      source: { test: 0 },
      target: { class: 3 },
    });
    expect(path.targetClass).toBe(3);
    expect(path.points.map((p) => p.eps)).toEqual([0, 13 / 255, 26 / 255, 51 / 255]);
    const toTarget = path.points.map((p) => dist(p.attackPoint, path.targetPoint));
    const noiseToTarget = path.points.map((p) => dist(p.noisePoint, path.targetPoint));
    expect(toTarget[3]).toBeLessThan(toTarget[0]);
    expect(Math.abs(noiseToTarget[3] - noiseToTarget[0])).toBeLessThan(toTarget[0] - toTarget[3]);
    expect(path.points[0].attack.input).toHaveLength(784);
    // Drawing the map's extras: a decoded grid and one picked digit.
    const grid = await call("vaeGrid", { kind: "vae16", n: 4 });
    expect(grid).toHaveLength(16 * 784);
    const picked = await call("vaeDigit", { kind: "vae16", index: 2001 });
    expect(picked.label).toBe((await call("vaeDigit", { kind: "vae16", index: 1 })).label);
    expect(await tensors()).toBe(before);
  });

  it("fills the table chunk by chunk and leaves no tensor behind", async () => {
    const { call } = worker.client;
    await call("vaeMap", { kind: "vae16", url: URL });
    const before = await tensors();
    const progress: number[] = [];
    const rows = await call(
      "vaeTable",
      { kind: "vae16", objective: "latent", steps: 5, levels: [0, 26], count: 100 },
      { priority: "batch", onProgress: (p) => progress.push(p.done) },
    );
    expect(progress).toEqual([50, 100]);
    expect(rows.map((r) => r.count)).toEqual([100, 100]);
    expect(rows[0].attackMoved).toBeCloseTo(0, 4); // eps 0 moves nothing
    expect(rows[1].attackMoved).toBeGreaterThan(3 * Math.abs(rows[1].noiseMoved));
    expect(await tensors()).toBe(before);
  });
});

describe("chapter 7's live training in the digits worker", () => {
  it("trains live with progress, pauses, swaps the new VAE in, and restores the shipped one", async () => {
    const { call } = worker.client;
    const shipped = await call("vaeMap", { kind: "vae2", url: URL });
    const before = await tensors();
    const steps: number[] = [];
    const epochs: number[] = [];
    let pausedAt = -1;
    const run = call(
      "vaeTrain",
      { kind: "vae2", beta: 1, epochs: 2, trainDigits: 320 },
      {
        priority: "batch",
        onProgress: (p) => {
          if (p.kind === "batch") {
            steps.push(p.step);
            expect(p.total).toBe(10);
            expect(p.reconstruction).toBeGreaterThan(0);
            if (p.step === 2 && pausedAt < 0) {
              pausedAt = p.step;
              void call("vaeControl", { paused: true }, { priority: "control" });
            }
          } else epochs.push(p.negElbo);
        },
      },
    );
    await new Promise((wait) => setTimeout(wait, 600));
    const whilePaused = steps.length;
    await new Promise((wait) => setTimeout(wait, 400));
    expect(steps.length).toBe(whilePaused); // nothing moved while paused
    await call("vaeControl", { paused: false }, { priority: "control" });
    const retrained = await run;
    expect(steps).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(epochs).toHaveLength(2);
    expect(epochs[1]).toBeLessThan(epochs[0]); // the second epoch lowered the test loss
    expect(retrained.test.negElbo).toBeGreaterThan(shipped.test.negElbo); // 320 digits, 2 epochs
    expect(await tensors()).toBe(before); // the new VAE replaced the old one
    const back = await call("vaeRestore", { kind: "vae2", url: URL });
    expect(back.test.negElbo).toBeCloseTo(shipped.test.negElbo, 6);
    expect(await tensors()).toBe(before);
  }, 60_000);
});

describe("a VAE replaced while chapter 7's table reads it", () => {
  it("stops the table with 'the model changed' (no freed VAE read), and leaves no tensor behind", async () => {
    const { call } = worker.client;
    await call("vaeMap", { kind: "vae2", url: URL });
    const before = await tensors();
    let restore: Promise<unknown> | null = null;
    const table = call(
      "vaeTable",
      { kind: "vae2", objective: "latent", steps: 5, levels: [0, 26], count: 200 },
      {
        priority: "batch",
        onProgress: () => {
          restore ??= call("vaeRestore", { kind: "vae2", url: URL });
        },
      },
    );
    await expect(table).rejects.toThrow("Cancelled: the model changed.");
    await restore;
    expect(await tensors()).toBe(before);
  }, 60_000);
});
