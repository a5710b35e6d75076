import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { pickDigits } from "../../engine/digits/mnistFormat";
import { loadSplitFromDisk } from "../../engine/digits/testing/nodeDigits";
import { inProcess } from "../../workers/rpc/testing/inProcess";
import { createTrainingHandlers } from "../../workers/training/handlers";
import type { TrainingApi } from "../../workers/training/protocol";
import { until } from "../testing/until";
import { costTable } from "./costTable";
import {
  createTrainingStore,
  DEFAULT_SETUP,
  FAST_WITH_STOPPING,
  runRequests,
} from "./trainingStore";

const CPU = { name: "cpu" as const, fellBack: false, software: false, note: "" };

/** The real handlers and session, in-process on the cpu backend (the store hands in a small split). */
function trainingWorker() {
  return inProcess<TrainingApi>(
    createTrainingHandlers({
      startBackend: async () => {
        await tf.setBackend("cpu");
        return { started: CPU, forRuns: async () => CPU };
      },
    }),
  );
}
let closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers) close();
  closers = [];
});

const first = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
let split: DigitSplit;

beforeAll(async () => {
  await tf.setBackend("cpu");
  const full = await loadSplitFromDisk();
  // 10 minibatches of 64 per epoch keep these runs to seconds on the cpu backend.
  split = { train: pickDigits(full.train, first(640)), test: pickDigits(full.test, first(100)) };
});

function storeWithSession() {
  const worker = trainingWorker();
  closers.push(worker.close);
  const store = createTrainingStore({
    makeClient: () => worker.client,
    backend: "cpu",
    digits: { source: async () => ({ split }), offer: () => undefined },
    wasmPath: "unused",
  });
  const { actions } = store.getState();
  actions.configure({ kind: "softmax", budgetEpochs: 2, evalSteps: 2, evalDigits: 100 });
  actions.setSettings({ eps: 0.1, replays: 4 });
  return { store };
}

describe("runRequests", () => {
  it("one run per method; fast twice, early stopping off and on, when comparing", () => {
    const setup = { ...DEFAULT_SETUP, methods: ["standard" as const, "fast" as const] };
    expect(runRequests(setup, 8000).map((r) => r.id)).toEqual(["standard", "fast"]);
    const both = runRequests({ ...setup, compareEarlyStopping: true }, 8000);
    expect(both.map((r) => r.id)).toEqual(["standard", "fast", FAST_WITH_STOPPING]);
    const [, off, on] = both;
    expect([off.spec.settings.earlyStopping, on.spec.settings.earlyStopping]).toEqual([
      false,
      true,
    ]);
    // Twins: the same method, start, batch order and budget; only early stopping differs.
    expect({ ...on.spec, settings: off.spec.settings }).toEqual(off.spec);
    expect(both[0].spec.backwardBudget).toBe(2 * 125);
    // Every run starts from the setup's seed.
    const seeded = runRequests({ ...setup, seed: 42, compareEarlyStopping: true }, 8000);
    expect(seeded.map((r) => r.spec.seed)).toEqual([42, 42, 42]);
  });
});

describe("training store + session (in process, cpu)", () => {
  it("trains two methods side by side to the same backward budget, with points, costs and deltas", async () => {
    const { store } = storeWithSession();
    store.getState().actions.toggleMethod("pgd", false);
    store.getState().actions.start();
    await until(store, (s) => s.phase === "done");
    const { runs, deltas } = store.getState();
    expect(runs.map((r) => r.method)).toEqual(["standard", "free"]);
    const budget = runs[0].spec.backwardBudget;
    expect(budget).toBe(20);
    for (const run of runs) {
      expect(run.done).toBe(true);
      expect(run.counters?.backward).toBe(budget);
      // A point at 0, one every budget/8 backward passes (rounded) and one at the end.
      expect(run.points[0].backward).toBe(0);
      expect(run.points.at(-1)?.backward).toBe(budget);
      expect(run.points.length).toBeGreaterThanOrEqual(5);
      for (const p of run.points) {
        expect(p.robust).toBeLessThanOrEqual(p.clean + 0.05);
        expect(p.clean).toBeGreaterThanOrEqual(0);
      }
    }
    const free = runs[1];
    expect(free.counters?.minibatches).toBe(budget / 4); // m = 4 replays per minibatch
    expect(free.counters?.epochs).toBeCloseTo(0.5, 6);
    // The standard run really learnt something in 2 epochs.
    expect(runs[0].points.at(-1)?.clean).toBeGreaterThan(runs[0].points[0].clean + 0.2);
    // Free training's snapshot: m deltas of 4 digits, all within the eps-box.
    expect(deltas?.deltas).toHaveLength(4);
    expect(deltas?.images.length).toBe(4 * 784);
    for (const d of deltas?.deltas ?? []) {
      expect(Math.max(...d.map(Math.abs))).toBeLessThanOrEqual(0.1 + 1e-6);
    }
    const rows = costTable(runs);
    expect(rows[0].costVsStandard).toBe(1);
    expect(rows[1].costVsStandard).toBeGreaterThan(0);
    // Counted from the session's own counters: free's schedule costs standard's passes exactly.
    expect(rows.map((r) => r.passesVsStandard)).toEqual([1, 1]);
  });

  it("pause stops new points until resume; reset frees every tensor in the worker", async () => {
    const { store } = storeWithSession();
    const { actions } = store.getState();
    const before = await actions.workerTensors();
    actions.start();
    await until(store, (s) => s.runs.some((r) => r.points.length >= 2));
    actions.pause();
    expect(store.getState().phase).toBe("pausing");
    await until(store, (s) => s.phase === "paused");
    const count = () => store.getState().runs.reduce((n, r) => n + r.points.length, 0);
    const paused = count();
    await new Promise((r) => setTimeout(r, 500));
    expect(count()).toBe(paused);
    actions.resume();
    await until(store, () => count() > paused);
    actions.reset();
    expect(store.getState().runs).toEqual([]);
    // Read after the cancelled run has unwound (a batch call waits for it).
    expect(await actions.workerTensors()).toBe(before);
  });

  it("reset then start at once: nothing of the old run lands in the new one", async () => {
    const { store } = storeWithSession();
    const { actions } = store.getState();
    actions.configure({ delayMs: 5 }); // slow motion, so the old run is mid-flight
    actions.start();
    await until(store, (s) => s.runs.some((r) => (r.counters?.backward ?? 0) >= 8));
    actions.reset();
    actions.configure({ delayMs: 0 });
    actions.start(); // the presets do exactly this
    // Every point and counter the new runs show is theirs: points start at 0 backward passes
    // and only grow; a run's counters never go back (an old run's late step would be ahead).
    const seen: number[][] = [];
    const counters = new Map<string, number[]>();
    const stop = store.subscribe((s) => {
      for (const r of s.runs) {
        seen.push(r.points.map((p) => p.backward));
        const c = counters.get(r.id) ?? [];
        if (r.counters && c.at(-1) !== r.counters.backward) c.push(r.counters.backward);
        counters.set(r.id, c);
      }
    });
    await until(store, (s) => s.phase === "done");
    stop();
    for (const points of seen) {
      if (points.length > 0) expect(points[0]).toBe(0);
      for (let i = 1; i < points.length; i++) expect(points[i]).toBeGreaterThan(points[i - 1]);
    }
    for (const c of counters.values()) {
      for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
    }
    for (const r of store.getState().runs) expect(r.counters?.backward).toBe(r.spec.backwardBudget);
  });

  it("fast training reports its early-stopping checks; every point has its FGSM accuracy", async () => {
    const { store } = storeWithSession();
    const { actions } = store.getState();
    for (const m of ["standard", "free"] as const) actions.toggleMethod(m, false);
    actions.toggleMethod("fast", true);
    actions.setSettings({ earlyStopping: true });
    actions.start();
    await until(store, (s) => s.phase === "done");
    const [fast] = store.getState().runs;
    // A check every 2 updates (5 an epoch of 10), each 20 counted backward passes (PGD-5 on
    // 4 minibatches): the budget of 20 is spent by the first one.
    expect(fast.checks).toHaveLength(1);
    expect(fast.checks[0].backward).toBe(fast.counters?.backward);
    for (const [i, c] of fast.checks.entries()) {
      expect(c.accuracy).toBeGreaterThanOrEqual(0);
      expect(c.accuracy).toBeLessThanOrEqual(1);
      if (i > 0) expect(c.backward).toBeGreaterThan(fast.checks[i - 1].backward);
    }
    for (const p of fast.points) {
      expect(p.fgsm).toBeGreaterThanOrEqual(0);
      expect(p.fgsm).toBeLessThanOrEqual(p.clean);
    }
  });

  it("refuses to start with no method, and says why", () => {
    const { store } = storeWithSession();
    for (const m of ["standard", "free"] as const) store.getState().actions.toggleMethod(m, false);
    store.getState().actions.start();
    expect(store.getState().phase).toBe("error");
    expect(store.getState().error).toMatch(/at least one/);
  });
});
