import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessDigits } from "../testing/inProcessDigits";
import { until } from "../testing/until";
import { createDefenceStore } from "./defenceStore";
import { createSmoothingStore } from "./smoothingStore";

let worker: ReturnType<typeof inProcessDigits>;
const URL = "http://gibbon.test/models/smoothing/";
beforeAll(() => {
  worker = inProcessDigits();
});
afterAll(() => worker.close());

describe("chapter 8's stores, on the real digits worker in-process", () => {
  it("certifies the first test digit on start, and shows only the latest digit's certificate", async () => {
    const store = createSmoothingStore(worker.store, URL);
    const { actions } = store.getState();
    actions.setN(1000);
    actions.start();
    await until(store, (s) => s.certificate?.status === "done");
    expect(store.getState().certificate?.result?.label).not.toBeNull();
    actions.setSource(5);
    actions.setSource(7);
    await until(store, (s) => s.certificate?.status === "done");
    await new Promise((wait) => setTimeout(wait, 1000)); // any late reply would land by now
    const c = store.getState().certificate?.result;
    expect(c?.votes.reduce((a, b) => a + b, 0)).toBe(1000);
    // Digit 7's own certificate: the same job again gives the same votes.
    const again = await worker.client.call("certify", {
      kind: "sigma025",
      url: URL,
      n0: 100,
      n: 1000,
      alpha: 0.001,
      seed: 1,
      source: { test: 7 },
    });
    expect(c?.votes).toEqual(again.votes);
  }, 120_000);

  it("refuses a drawing that is not square with a message, and keeps the digit it had", async () => {
    const store = createSmoothingStore(worker.store, URL);
    store.getState().actions.useDrawing(new Float32Array(16 * 15), 16);
    expect(store.getState().error).toMatch(/./);
    expect(store.getState().drawn).toBeNull();
  });

  it("fills the curves one noise level after the other, and a stop ends both", async () => {
    const store = createSmoothingStore(worker.store, URL);
    const { actions } = store.getState();
    actions.setCurveCount(20);
    actions.setCurveN(100);
    actions.runCurves();
    await until(store, (s) => s.curves.sigma050?.status === "running");
    expect(store.getState().curves.sigma025?.status).toBe("done");
    expect(store.getState().curves.sigma025?.result).toHaveLength(20);
    actions.cancelCurves();
    await until(store, (s) => s.curves.sigma050?.status === "cancelled");
  }, 120_000);

  it("measures the defence table over the chosen digits", async () => {
    const store = createDefenceStore(worker.store);
    const { actions } = store.getState();
    actions.setCount(50);
    actions.setLevels(8);
    actions.run();
    await until(store, (s) => s.table?.status === "done", 300_000);
    const t = store.getState().table;
    expect(t?.levels).toBe(8);
    expect(t?.result?.count).toBe(50);
    expect(t?.result?.defended.bpda).toBeLessThan(t?.result?.defended.pgd ?? 0);
  }, 300_000);
});
