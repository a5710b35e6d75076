import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { pickDigits } from "../mnistFormat";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { cleanAndRobustAccuracy } from "./robustAccuracy";
import { DEFAULT_METHOD_SETTINGS } from "./settings";
import { createTrainingRun } from "./trainingRun";
import type { RunSpec, TrainingMethod } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Backward passes each method may spend: 4 epochs of standard training, 1 of free (m = 4). */
const BUDGET = 500;
const EPS = 0.1;

/** Trains `method` on the 8,000 training digits, then measures it on 1,000 test digits. */
async function trainAndMeasure(method: TrainingMethod) {
  const { train, test } = await loadSplitFromDisk();
  const spec: RunSpec = {
    method,
    settings: { ...DEFAULT_METHOD_SETTINGS, eps: EPS },
    kind: "mlp",
    seed: 1,
    batchSize: 64,
    learningRate: 0.002,
    backwardBudget: BUDGET,
  };
  const run = createTrainingRun(train, spec);
  try {
    while (!run.done) await run.step();
    const subset = pickDigits(
      test,
      Int32Array.from({ length: 1000 }, (_, i) => i),
    );
    const acc = await cleanAndRobustAccuracy(run.model, subset, { eps: EPS, steps: 10, seed: 77 });
    const c = run.counters;
    console.info(
      `${method}: clean ${(100 * acc.clean).toFixed(1)}%, PGD-10 robust ${(100 * acc.robust).toFixed(1)}% ` +
        `at eps ${EPS}; ${c.backward} backward passes, ${c.minibatches} minibatches, ` +
        `${c.epochs.toFixed(2)} epochs, ${c.seconds.toFixed(1)} s`,
    );
    return { ...acc, counters: { ...c } };
  } finally {
    run.dispose();
  }
}

describe("adversarial training on real MNIST digits (MLP, equal backward-pass budgets)", () => {
  it("free and PGD training beat standard training's PGD accuracy by >= 10 points, all >= 80% clean", async () => {
    const standard = await trainAndMeasure("standard");
    const free = await trainAndMeasure("free");
    const pgd = await trainAndMeasure("pgd");
    for (const r of [standard, free, pgd]) {
      expect(r.counters.backward).toBe(BUDGET);
      expect(r.clean).toBeGreaterThanOrEqual(0.8);
    }
    expect(free.robust - standard.robust).toBeGreaterThanOrEqual(0.1);
    expect(pgd.robust - standard.robust).toBeGreaterThanOrEqual(0.1);
  }, 300_000);
});
