import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import { initialLabState, type LabActions, type LabStore } from "../labStore";
import { inProcessDigits } from "../testing/inProcessDigits";
import { until } from "../testing/until";
import { createZooStore } from "./zooStore";

let worker: ReturnType<typeof inProcessDigits>;
/** Chapter 1's store, never asked here: these tests attack digits only. */
const noPhoto = () =>
  createStore<LabStore>()(() => ({ ...initialLabState(), actions: {} as LabActions }));

beforeAll(() => {
  worker = inProcessDigits();
});
afterAll(() => worker.close());

describe("the attack zoo's store, on the real digits worker in-process", () => {
  it("compares the ticked attacks with the reader's settings, reporting each step and row", async () => {
    const store = createZooStore(noPhoto(), worker.store);
    const { actions } = store.getState();
    actions.setSubject("cnn");
    for (const id of store.getState().chosen.digits) actions.toggle(id, false);
    actions.toggle("deepFool", true);
    actions.toggle("fgsm", true);
    actions.setParam("fgsm", "eps", 0.1);
    actions.setDigitIndex(3);
    const steps: number[] = [];
    const seen = store.subscribe((s) => s.step && steps.push(s.step.done));
    actions.compare();
    await until(store, (s) => s.comparison?.status === "done");
    seen();
    const c = store.getState().comparison?.result;
    // In the registry's order, whatever order they were ticked in.
    expect(c?.rows.map((r) => r.id)).toEqual(["fgsm", "deepFool"]);
    expect(c?.rows[0].params.eps).toBe(0.1);
    expect(c?.rows[0].size.linf).toBeCloseTo(0.1, 2);
    expect(steps.length).toBeGreaterThan(0); // DeepFool's iterations
    expect(store.getState().comparedOn).toEqual({ subject: "cnn", digitIndex: 3 });
    expect(store.getState().step).toBeNull();
  }, 60_000);

  it("stops a comparison on request, and a new subject drops the old table", async () => {
    const store = createZooStore(noPhoto(), worker.store);
    const { actions } = store.getState();
    actions.setSubject("mlp");
    actions.toggle("cw", true);
    actions.compare();
    await until(store, (s) => s.step !== null);
    actions.cancelCompare();
    await until(store, (s) => s.comparison?.status === "cancelled");
    actions.setSubject("softmax");
    expect(store.getState().comparison).toBeNull();
  }, 60_000);

  it("a batch whose model is replaced meanwhile ends stopped, saying why", async () => {
    const store = createZooStore(noPhoto(), worker.store);
    const { actions } = store.getState();
    actions.setSubject("softmax");
    for (const id of store.getState().chosen.digits) actions.toggle(id, false);
    for (const id of ["fgsm", "pgd", "deepFool"] as const) actions.toggle(id, true);
    actions.setBatchCount(20);
    actions.runBatch();
    await until(store, (s) => (s.batch?.done ?? 0) > 0);
    await worker.store.getState().actions.restoreShipped("softmax");
    await until(store, (s) => s.batch?.status !== "running");
    expect(store.getState().batch).toMatchObject({ status: "cancelled" });
    expect(store.getState().batch?.message).toMatch(/the model changed/);
  }, 60_000);

  it("wraps the digit index around the test split and toggles a column's sort order", () => {
    const store = createZooStore(noPhoto(), worker.store);
    const { actions } = store.getState();
    actions.setDigitIndex(-1);
    expect(store.getState().digitIndex).toBe(TEST_DIGITS - 1);
    actions.setDigitIndex(TEST_DIGITS + 2);
    expect(store.getState().digitIndex).toBe(2);
    actions.sortBy("ms");
    expect(store.getState().sort).toEqual({ key: "ms", ascending: true });
    actions.sortBy("ms");
    expect(store.getState().sort).toEqual({ key: "ms", ascending: false });
  });
});

describe("the attack zoo on chapter 1's photo, asked before chapter 1 has classified it", () => {
  /** Chapter 1's store with a fake worker: `calls` records what the zoo asked of it. */
  function fakeLab() {
    const calls: unknown[] = [];
    const compute = (async (method: string, args: unknown) => {
      calls.push({ method, args });
      return { rows: [] };
    }) as unknown as LabActions["compute"];
    const lab = createStore<LabStore>()(() => ({
      ...initialLabState(),
      actions: { compute } as LabActions,
    }));
    return { lab, calls };
  }

  it("waits for the photo, says so, and runs once it is classified", async () => {
    const { lab, calls } = fakeLab();
    const store = createZooStore(lab, worker.store);
    store.getState().actions.compare();
    await until(store, (s) => s.waitingForPhoto);
    expect(store.getState().comparison?.status).toBe("running");
    expect(calls).toEqual([]);
    lab.setState({ original: { top5: [], top1: 388 } });
    await until(store, (s) => s.comparison?.status === "done");
    expect(calls).toMatchObject([{ method: "zooCompare", args: { target: 368 } }]);
    expect(store.getState().waitingForPhoto).toBe(false);
  });

  it("ends with a message when chapter 1's model fails, and a Stop ends the wait", async () => {
    const { lab } = fakeLab();
    const store = createZooStore(lab, worker.store);
    store.getState().actions.compare();
    await until(store, (s) => s.waitingForPhoto);
    lab.setState({ model: { ...lab.getState().model, status: "error" } });
    await until(store, (s) => s.comparison?.status === "error");
    expect(store.getState().comparison?.message).toMatch(/no classified photo/);

    lab.setState({ model: { ...lab.getState().model, status: "loading" } });
    store.getState().actions.compare();
    await until(store, (s) => s.waitingForPhoto);
    store.getState().actions.cancelCompare();
    await until(store, (s) => s.comparison?.status === "cancelled" && !s.waitingForPhoto);
  });
});
