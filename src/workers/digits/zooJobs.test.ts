import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessDigits } from "./testing/inProcessDigits";

let worker: ReturnType<typeof inProcessDigits>;
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;

beforeAll(async () => {
  worker = inProcessDigits();
  await worker.store.getState().actions.start();
});
afterAll(() => worker.close());

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
