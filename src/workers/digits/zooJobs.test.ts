import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZooChoice } from "../../engine/attacks/zoo/compare";
import { inProcessDigits } from "../../store/testing/inProcessDigits";

let worker: ReturnType<typeof inProcessDigits>;
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;

beforeAll(async () => {
  worker = inProcessDigits();
  await worker.store.getState().actions.start();
});
afterAll(() => worker.close());

describe("the attack zoo's comparison on one digit, through the digits worker's protocol", () => {
  it("answers a row per attack with its image, sizes, counts and trace, and frees what it made", async () => {
    const before = await tensors();
    const ended: number[] = [];
    const attacks: ZooChoice[] = [
      { id: "fgsm", params: { eps: 0.2 } },
      { id: "deepFool", params: {} },
      { id: "jsma", params: {} },
    ];
    const { rows, cleanRgba, label, target } = await worker.client.call(
      "zooCompare",
      { kind: "cnn", index: 0, attacks },
      { onProgress: (p) => p.row && ended.push(p.index) },
    );
    expect(ended).toEqual([0, 1, 2]);
    const [fgsm, deepFool, jsma] = rows;
    expect(fgsm.params).toEqual({ eps: 0.2 });
    expect(fgsm.size.linf).toBeCloseTo(0.2, 2);
    expect(deepFool.success).toBe(true);
    expect(deepFool.size.l2).toBeLessThan(fgsm.size.l2);
    expect(deepFool.trace.at(-1)?.l2).toBeCloseTo(deepFool.size.l2, 1);
    expect(target).toBe((label + 1) % 10);
    expect(jsma.success).toBe(jsma.probs.indexOf(Math.max(...jsma.probs)) === target);
    expect(jsma.size.l0).toBeLessThanOrEqual(78);
    for (const r of rows) expect(r.advRgba).toHaveLength(cleanRgba.length);
    expect(cleanRgba).toHaveLength(28 * 28 * 4);
    expect(await tensors()).toBe(before);
  });

  it("gives each row its logit margin, and C&W's reaches the kappa it was asked for", async () => {
    const cw = (confidence: number): ZooChoice => ({
      id: "cw",
      params: { steps: 30, binarySearchSteps: 3, confidence },
    });
    const { rows } = await worker.client.call("zooCompare", {
      kind: "cnn",
      index: 0,
      attacks: [{ id: "fgsm", params: { eps: 0 } }, cw(0), cw(3)],
    });
    const [none, plain, confident] = rows;
    console.info(`C&W margins: kappa 0 ${plain.margin}, kappa 3 ${confident.margin}`);
    expect(none.success).toBe(false);
    expect(none.margin).toBeLessThan(0);
    for (const r of [plain, confident]) expect(r.success).toBe(r.margin > 0);
    expect(confident.success).toBe(true);
    expect(confident.margin).toBeGreaterThan(3);
    expect(plain.margin).toBeLessThan(confident.margin);
  }, 120_000);

  it("refuses a digit that does not exist", async () => {
    const args = { kind: "cnn" as const, index: -1, attacks: [] };
    await expect(worker.client.call("zooCompare", args)).rejects.toThrow(/no test digit/);
  });
});

describe("the attack zoo's batch mode in the digits worker, through its protocol", () => {
  it("summarises each attack over test digits, row by row, and frees what it made", async () => {
    const before = await tensors();
    const seen: number[] = [];
    const rows = await worker.client.call(
      "zooBatch",
      { kind: "softmax", attacks: ["fgsm", "deepFool", "jsma"], count: 20 },
      { onProgress: (p) => seen.push(p.rows.length) },
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.id)).toEqual(["fgsm", "deepFool", "jsma"]);
    for (const r of rows) {
      expect(r.count).toBe(20);
      expect(r.success).toBeGreaterThan(0.5);
      expect(r.backward).toBeGreaterThan(0);
    }
    const [fgsm, deepFool, jsma] = rows;
    // FGSM spends its whole L-inf budget on every pixel; DeepFool goes just past the boundary.
    expect(fgsm.medianLinf).toBeCloseTo(0.3, 2);
    expect(deepFool.medianL2).toBeLessThan(fgsm.medianL2);
    expect(jsma.medianL0).toBeLessThanOrEqual(78);
    expect(await tensors()).toBe(before);
  });

  it("stops between attacks when cancelled", async () => {
    const stop = new AbortController();
    const job = worker.client.call(
      "zooBatch",
      { kind: "softmax", attacks: ["fgsm", "pgd", "cw"], count: 10 },
      { signal: stop.signal, onProgress: () => stop.abort() },
    );
    await expect(job).rejects.toThrow(/abort|cancel/i);
  });
});

describe("a digit model retrained while the zoo holds it", () => {
  const retrainSoftmax = () =>
    worker.client.call("retrain", { kind: "softmax", epochs: 1 }, { priority: "batch" });

  it("stops a comparison with 'the model changed' at its next step: no freed tensor read, none left", async () => {
    const before = await tensors();
    let retrain: Promise<unknown> | null = null;
    const job = worker.client.call(
      "zooCompare",
      { kind: "softmax", index: 0, attacks: [{ id: "cw", params: {} }] },
      {
        priority: "batch",
        onProgress: () => {
          retrain ??= retrainSoftmax();
        },
      },
    );
    await expect(job).rejects.toThrow("Cancelled: the model changed.");
    await retrain;
    expect(await tensors()).toBe(before);
  });

  it("stops a batch between attacks rather than mix two models' rows (shipped weights restored)", async () => {
    let restore: Promise<unknown> | null = null;
    const job = worker.client.call(
      "zooBatch",
      { kind: "softmax", attacks: ["fgsm", "pgd", "deepFool"], count: 20 },
      {
        priority: "batch",
        onProgress: () => {
          restore ??= worker.client.call("restoreShipped", { kind: "softmax" });
        },
      },
    );
    await expect(job).rejects.toThrow("Cancelled: the model changed.");
    await restore;
  });
});
