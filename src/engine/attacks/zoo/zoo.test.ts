import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../../digits/digitModels";
import { digitImages } from "../../digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../../digits/testing/nodeDigits";
import type { LogitsFn } from "../../types";
import { zooBatchRow } from "./batch";
import { runZooAttack, ZOO, ZOO_IDS, type ZooAttackId, type ZooParams } from "./registry";
import { perturbationSizes } from "./sizes";

let model: tfl.Sequential;
let f: LogitsFn;
let x: tf.Tensor;
let labels: number[];
const targets = () => labels.map((l) => (l + 1) % 10);

/** Small budgets, so every attack runs quickly on these 4 digits. */
const QUICK: Record<ZooAttackId, ZooParams> = {
  fgsm: {},
  fgsmTargeted: {},
  pgd: { steps: 5 },
  miFgsm: { steps: 5 },
  pgdL2: { steps: 5 },
  deepFool: { steps: 5 },
  cw: { steps: 10, binarySearchSteps: 2 },
  jsma: { gamma: 0.05 },
  greedyPixels: { maxPixels: 6 },
};
/** A setting out of range, for each attack. */
const INVALID: Record<ZooAttackId, ZooParams> = {
  fgsm: { eps: -0.1 },
  fgsmTargeted: { eps: 2 },
  pgd: { steps: 0 },
  miFgsm: { momentum: -1 },
  pgdL2: { radius: -1 },
  deepFool: { overshoot: -1 },
  cw: { learningRate: 0 },
  jsma: { gamma: 0 },
  greedyPixels: { perStep: 0 },
};
/** The zero budget of the attacks that have one. */
const ZERO: Partial<Record<ZooAttackId, ZooParams>> = {
  fgsm: { eps: 0 },
  fgsmTargeted: { eps: 0 },
  pgd: { eps: 0 },
  miFgsm: { eps: 0 },
  pgdL2: { radius: 0 },
};

beforeAll(async () => {
  await tf.setBackend("cpu");
  const { test } = await loadSplitFromDisk();
  model = await loadShippedModel("mlp");
  f = digitLogits(model);
  x = digitImages(test, 0, 4);
  labels = Array.from(test.labels.subarray(0, 4));
});
afterAll(() => tf.dispose([x, model] as tf.TensorContainer[]));

describe.each(ZOO_IDS)("%s through the zoo's one interface", (id) => {
  it("returns 8-bit images in [0,1], within its budget, and leaks no tensor", async () => {
    const before = tf.memory().numTensors;
    const r = await runZooAttack(id, f, x, labels, targets(), QUICK[id]);
    const values = await r.adversarial.data();
    expect(
      values.every((v) => v >= 0 && v <= 1 && Math.abs(v * 255 - Math.round(v * 255)) < 1e-3),
    ).toBe(true);
    expect(r.backward).toBeGreaterThan(0);
    const sizes = await perturbationSizes(x, r.adversarial);
    const p = {
      ...Object.fromEntries(Object.entries(ZOO[id].params).map(([k, v]) => [k, v.value])),
      ...QUICK[id],
    };
    // Rounding to 8 bits moves a value by at most half a level.
    const half = 0.5 / 255;
    for (const s of sizes) {
      if (ZOO[id].norm === "linf") expect(s.linf).toBeLessThanOrEqual(p.eps + half + 1e-6);
      if (id === "pgdL2") expect(s.l2).toBeLessThanOrEqual(p.radius + Math.sqrt(784) * half);
      if (id === "jsma") expect(s.l0).toBeLessThanOrEqual(Math.floor(p.gamma * 784));
      if (id === "greedyPixels") expect(s.l0).toBeLessThanOrEqual(p.maxPixels);
    }
    r.adversarial.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it("counts its passes, reports progress, records a trace and stops when cancelled", async () => {
    const steps: number[] = [];
    const control = { onStep: (done: number) => steps.push(done), between: async () => {} };
    const r = await runZooAttack(id, f, x, labels, targets(), QUICK[id], { control, trace: true });
    r.adversarial.dispose();
    // Every gradient is a forward pass too; the trace's own passes are not counted.
    expect(r.forward).toBeGreaterThanOrEqual(r.backward);
    if (steps.length > 0) {
      expect(steps.every((d, i) => i === 0 || d > steps[i - 1] || d === 1)).toBe(true);
      expect(r.trace.length).toBeGreaterThan(0);
      expect(r.trace.every((t) => Number.isFinite(t.loss) && t.l2 >= t.linf - 1e-6)).toBe(true);
      // Cancelled after its first iteration: rejects with an AbortError and leaks nothing.
      const before = tf.memory().numTensors;
      const stop = new AbortController();
      const cancelled = runZooAttack(id, f, x, labels, targets(), QUICK[id], {
        control: { signal: stop.signal, onStep: () => stop.abort(), between: async () => {} },
        trace: true,
      });
      await expect(cancelled).rejects.toThrow(/aborted/);
      expect(tf.memory().numTensors).toBe(before);
    } else {
      expect(["fgsm", "fgsmTargeted"]).toContain(id); // one-step attacks have no iterations
    }
  }, 60_000);

  it("rejects a setting out of range", async () => {
    await expect(
      runZooAttack(id, f, x, labels, targets(), { ...QUICK[id], ...INVALID[id] }),
    ).rejects.toThrow(RangeError);
  });
});

describe.each(Object.keys(ZERO) as ZooAttackId[])("%s at a zero budget", (id) => {
  it("returns the input itself", async () => {
    const r = await runZooAttack(id, f, x, labels, targets(), { ...QUICK[id], ...ZERO[id] });
    expect(Array.from(await r.adversarial.data())).toEqual(Array.from(await x.data()));
    r.adversarial.dispose();
  });
});

describe("the zoo over 100 test digits of the shipped MLP (batch mode)", () => {
  let digits: tf.Tensor;
  let truth: number[];
  beforeAll(async () => {
    const { test } = await loadSplitFromDisk();
    digits = digitImages(test, 0, 100);
    truth = Array.from(test.labels.subarray(0, 100));
  });
  afterAll(() => digits.dispose());

  it("FGSM at eps 0.3 leaves fewer than half the labels, PGD fewer than 10%", async () => {
    const [one, many] = [
      await zooBatchRow("fgsm", f, digits, truth),
      await zooBatchRow("pgd", f, digits, truth),
    ];
    console.info(`FGSM eps 0.3: success ${one.success}; PGD eps 0.3, 40 steps: ${many.success}`);
    expect(1 - one.success).toBeLessThan(0.5);
    expect(1 - many.success).toBeLessThan(0.1);
  }, 60_000);

  it("targeted attacks reach the next class on at least 70% at a generous budget", async () => {
    const fgsmT = await zooBatchRow("fgsmTargeted", f, digits, truth, { eps: 0.3 });
    const first30 = digits.slice(0, 30);
    const saliency = await zooBatchRow("jsma", f, first30, truth.slice(0, 30), { gamma: 0.15 });
    first30.dispose();
    console.info(
      `targeted FGSM eps 0.3: ${fgsmT.success}; JSMA gamma 0.15 (30 digits): ${saliency.success}, median ${saliency.medianL0} pixels`,
    );
    expect(saliency.success).toBeGreaterThanOrEqual(0.7);
    expect(fgsmT.success).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});
