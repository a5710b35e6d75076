import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { beforeAll, describe, expect, it } from "vitest";
import { epochBatches } from "../batches";
import { type DigitSet, pickDigits } from "../mnistFormat";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { passesPerMinibatch } from "./methods";
import { DEFAULT_METHOD_SETTINGS } from "./settings";
import { collapsed, createTrainingRun, EARLY_STOPPING } from "./trainingRun";
import { type RunSpec, TRAINING_METHODS, type TrainingMethod } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** 128 training digits: 4 minibatches of 32 an epoch. */
const smallSet = async (): Promise<DigitSet> => {
  const { train } = await loadSplitFromDisk();
  return pickDigits(
    train,
    Int32Array.from({ length: 128 }, (_, i) => i),
  );
};

const specOf = (method: TrainingMethod, over: Partial<RunSpec> = {}): RunSpec => ({
  method,
  settings: { ...DEFAULT_METHOD_SETTINGS, pgdSteps: 2, replays: 3, earlyStopping: false },
  kind: "mlp",
  seed: 3,
  batchSize: 32,
  learningRate: 0.005,
  backwardBudget: 1000,
  ...over,
});

const weightValues = (model: tfl.LayersModel) =>
  model.getWeights().map((w) => w.dataSync().slice());

describe("a training run", () => {
  it.each(TRAINING_METHODS)(
    "%s: counters exact after 5 steps, no tensor left after dispose",
    async (method) => {
      const train = await smallSet();
      const start = tf.memory().numTensors;
      const run = createTrainingRun(train, specOf(method));
      for (let s = 0; s < 5; s++) expect(Number.isFinite((await run.step()).loss)).toBe(true);
      const per = passesPerMinibatch(method, run.spec.settings);
      expect(run.counters).toMatchObject({
        forward: 5 * per.forward,
        backward: 5 * per.backward,
        minibatches: 5,
      });
      expect(run.counters.epochs).toBeCloseTo(5 / 4, 10); // one epoch and a batch
      expect(run.counters.seconds).toBeGreaterThan(0);
      run.dispose();
      expect(tf.memory().numTensors).toBe(start);
    },
  );

  it("same backward budget: free spends as many backward passes as standard on 1/m the minibatches", async () => {
    const train = await smallSet();
    const budget = 12;
    const standard = createTrainingRun(train, specOf("standard", { backwardBudget: budget }));
    const free = createTrainingRun(train, specOf("free", { backwardBudget: budget }));
    for (const run of [standard, free]) while (!run.done) await run.step();
    expect(standard.counters.backward).toBe(budget);
    expect(free.counters.backward).toBe(budget);
    expect(free.counters.minibatches).toBe(standard.counters.minibatches / 3);
    expect(free.counters.epochs).toBeCloseTo(standard.counters.epochs / 3, 10);
    await expect(free.step()).rejects.toThrow(/done/);
    expect(free.stoppedEarly).toBe(false);
    standard.dispose();
    free.dispose();
  });

  it("free training reports each replay's delta of the first n digits, and those digits", async () => {
    const train = await smallSet();
    const run = createTrainingRun(train, specOf("free"));
    const n = 2;
    const report = await run.step({ captureDeltas: n });
    const eps = run.spec.settings.eps;
    expect(report.deltas).toHaveLength(3);
    for (const d of report.deltas ?? []) {
      expect(d).toHaveLength(n * 784);
      expect(Math.max(...d.map(Math.abs))).toBeCloseTo(eps, 6); // sign steps: on the boundary
    }
    expect(report.deltas?.[0]).not.toEqual(report.deltas?.[2]);
    // The digits are the first n of the run's first minibatch (the shared batch order).
    const first = epochBatches(train.count, 32, run.spec.seed, 1)[0];
    const images = report.images as Float32Array;
    for (let k = 0; k < n; k++) {
      for (let p = 0; p < 784; p += 7) {
        expect(images[k * 784 + p]).toBeCloseTo(train.pixels[first[k] * 784 + p] / 255, 6);
      }
    }
    expect((await run.step()).deltas).toBeUndefined();
    run.dispose();
  });

  it("fast early stopping: on a sharp drop of the check it restores the best weights and stops", async () => {
    const train = await smallSet();
    // An injected check (one per epoch of 4 minibatches) that scripts a collapse at the third.
    const script = [0.5, 0.9, 0.6];
    const seen: ReturnType<typeof weightValues>[] = [];
    const run = createTrainingRun(
      train,
      specOf("fast", { settings: { ...specOf("fast").settings, earlyStopping: true } }),
      {
        earlyStopping: { perEpoch: 1 },
        check: async (model) => {
          seen.push(weightValues(model));
          return script[seen.length - 1];
        },
      },
    );
    const checks: (number | undefined)[] = [];
    while (!run.done) checks.push((await run.step()).checkAccuracy);
    expect(run.stoppedEarly).toBe(true);
    expect(run.counters.minibatches).toBe(12);
    expect(checks.filter((c) => c !== undefined)).toEqual(script);
    expect(checks[3]).toBe(0.5);
    expect(weightValues(run.model)).toEqual(seen[1]); // the best check's weights
    expect(weightValues(run.model)).not.toEqual(seen[2]);
    await expect(run.step()).rejects.toThrow(/done/);
    run.dispose();
  });

  it("a collapse is a fall of over 20 points, or to under half the best by 5 points or more", () => {
    const stop = (best: number, now: number) => collapsed(best, now, EARLY_STOPPING);
    expect(stop(0.45, 0.24)).toBe(true); // Wong et al.'s rule: 21 points down
    expect(stop(0.45, 0.26)).toBe(false); // 19 points, still over half
    expect(stop(0.18, 0.08)).toBe(true); // a low peak halved: 10 points down
    expect(stop(0.18, 0.1)).toBe(false);
    expect(stop(0.04, 0.01)).toBe(false); // under half, but a 3-point wobble near chance
    expect(stop(0.3, 0.35)).toBe(false);
  });

  it("a small drop does not stop it; the real PGD check's passes are counted", async () => {
    const train = await smallSet();
    const start = tf.memory().numTensors;
    const spec = specOf("fast", { settings: { ...specOf("fast").settings, earlyStopping: true } });
    // Check every 2 minibatches: PGD-3 on 2 minibatches of digits (2 units a pass).
    const run = createTrainingRun(train, spec, {
      earlyStopping: { perEpoch: 2, batches: 2, steps: 3, drop: 0.99, fraction: 0 },
    });
    const checks: number[] = [];
    for (let s = 0; s < 4; s++) {
      const { checkAccuracy } = await run.step();
      if (checkAccuracy !== undefined) checks.push(checkAccuracy);
    }
    expect(checks).toHaveLength(2);
    for (const c of checks) expect(c).toBeGreaterThanOrEqual(0);
    // 4 minibatches of 2+2, and 2 checks of (3 attack + 2 predictions) forward, 3 backward, x2 units.
    expect(run.counters.forward).toBe(4 * 2 + 2 * 5 * 2);
    expect(run.counters.backward).toBe(4 * 2 + 2 * 3 * 2);
    expect(run.stoppedEarly).toBe(false);
    run.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("refuses a second step while one runs; dispose() during a step frees all once it ends", async () => {
    const train = await smallSet();
    const start = tf.memory().numTensors;
    const run = createTrainingRun(train, specOf("free"));
    const first = run.step({ captureDeltas: 1 });
    const second = run.step();
    run.dispose(); // while the first step is still running
    await expect(second).rejects.toThrow(/in progress/);
    expect((await first).deltas).toHaveLength(3);
    expect(tf.memory().numTensors).toBe(start);
    await expect(run.step()).rejects.toThrow(/disposed/);
    expect(() => createTrainingRun(train, specOf("standard", { batchSize: 0 }))).toThrow(
      RangeError,
    );
  });
});
