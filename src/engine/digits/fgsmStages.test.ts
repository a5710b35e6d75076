import { existsSync } from "node:fs";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argMax } from "../topK";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "./digitModelKinds";
import { digitLogits } from "./digitModels";
import { type CleanStages, fgsmCleanStages, fgsmEpsStages } from "./fgsmStages";
import type { DigitSet } from "./mnistFormat";
import { loadShippedModel, loadSplitFromDisk, weightPaths } from "./testing/nodeDigits";

// Every built-in model whose shipped weights are on disk (the cnn's are trained separately).
const KINDS = DIGIT_MODEL_KINDS.filter((k) => existsSync(weightPaths(k).bin));
const models = {} as Record<DigitModelKind, tfl.Sequential>;
let test: DigitSet;

beforeAll(async () => {
  await tf.setBackend("cpu");
  test = (await loadSplitFromDisk()).test;
  for (const kind of KINDS) models[kind] = await loadShippedModel(kind);
});
afterAll(() => {
  for (const kind of KINDS) models[kind].dispose();
});

/** Test digit i as 784 values in [0,1], the way the page reads it. */
function digit(i: number): Float32Array {
  return Float32Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (b) => b / 255);
}

/** How many indices fail `ok` (one count instead of 784 expect calls). */
function failures(n: number, ok: (i: number) => boolean): number {
  let bad = 0;
  for (let i = 0; i < n; i++) if (!ok(i)) bad++;
  return bad;
}

function expectLossIsMinusLogP(loss: number, probs: Float32Array, label: number) {
  expect(Math.abs(loss - -Math.log(probs[label]))).toBeLessThan(1e-4 * Math.max(1, loss) + 1e-6);
}

describe("FGSM stages on real test digits", () => {
  it("runs on every model whose weights are shipped", () => {
    expect(KINDS).toEqual(expect.arrayContaining(["softmax", "mlp"]));
  });

  it.each(KINDS)("%s: every stage is exactly what its formula says", async (kind) => {
    const f = digitLogits(models[kind]);
    for (const i of [0, 1, 2, 3, 4]) {
      const clean = await fgsmCleanStages(f, digit(i), test.labels[i]);
      expect(clean.label).toBe(test.labels[i]);
      expectLossIsMinusLogP(clean.loss, clean.probs, clean.label);
      expect(failures(784, (j) => clean.sign[j] === Math.sign(clean.grad[j]))).toBe(0);
      expect(clean.grad.some((g) => g !== 0)).toBe(true);

      for (const level of [1, 13, 26, 77]) {
        const eps = level / 255;
        const s = await fgsmEpsStages(f, clean, eps);
        const x = clean.x;
        expect(failures(784, (j) => s.eta[j] === Math.fround(eps * clean.sign[j]))).toBe(0);
        expect(failures(784, (j) => s.shifted[j] === Math.fround(x[j] + s.eta[j]))).toBe(0);
        expect(failures(784, (j) => s.adv[j] === Math.min(1, Math.max(0, s.shifted[j])))).toBe(0);
        expect(failures(784, (j) => s.adv[j] >= 0 && s.adv[j] <= 1)).toBe(0);
        expect(failures(784, (j) => Math.abs(s.adv[j] - x[j]) <= eps + 1e-7)).toBe(0);
        // What is shown is what was classified: the adversarial digit is on the 8-bit grid.
        expect(
          failures(784, (j) => Math.abs(s.adv[j] * 255 - Math.round(s.adv[j] * 255)) < 1e-4),
        ).toBe(0);
        expect(s.clippedLow).toBe(s.shifted.filter((v) => v < 0).length);
        expect(s.clippedHigh).toBe(s.shifted.filter((v) => v > 1).length);
        expectLossIsMinusLogP(s.loss, s.probs, clean.label);
        expect(s.probs.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
      }
    }
  });

  it.each(KINDS)("%s: eps = 0 gives the input and its prediction back", async (kind) => {
    const f = digitLogits(models[kind]);
    const clean = await fgsmCleanStages(f, digit(7), test.labels[7]);
    const s = await fgsmEpsStages(f, clean, 0);
    expect(Array.from(s.adv)).toEqual(Array.from(clean.x));
    expect(s.clippedLow + s.clippedHigh).toBe(0);
    expect(s.loss).toBeCloseTo(clean.loss, 6);
    for (let c = 0; c < 10; c++) expect(s.probs[c]).toBeCloseTo(clean.probs[c], 6);
  });

  it("attacks the model's own guess when no label is given (a drawn digit)", async () => {
    const f = digitLogits(models.mlp);
    const clean = await fgsmCleanStages(f, digit(11));
    expect(clean.label).toBe(argMax(clean.probs));
    const chosen = await fgsmCleanStages(f, digit(11), 3);
    expect(chosen.label).toBe(3);
    expectLossIsMinusLogP(chosen.loss, chosen.probs, 3);
  });

  it("raises the softmax model's loss on every digit of a sample of 100", async () => {
    // Cross-entropy is convex in x for a linear model and every clipped step still moves along
    // sign(grad), so the loss cannot fall; it should rise strictly on (nearly) every digit.
    const f = digitLogits(models.softmax);
    let rose = 0;
    for (let i = 0; i < 100; i++) {
      const clean = await fgsmCleanStages(f, digit(i), test.labels[i]);
      const s = await fgsmEpsStages(f, clean, 8 / 255);
      expect(s.loss).toBeGreaterThanOrEqual(clean.loss - 1e-6);
      if (s.loss > clean.loss) rose++;
    }
    expect(rose).toBeGreaterThanOrEqual(98);
  });

  it("refuses a digit of the wrong size and an epsilon out of range, leaking nothing", async () => {
    const f = digitLogits(models.softmax);
    const before = tf.memory().numTensors;
    await expect(fgsmCleanStages(f, new Float32Array(100), 1)).rejects.toThrow(RangeError);
    const clean = await fgsmCleanStages(f, digit(0), test.labels[0]);
    await expect(fgsmEpsStages(f, clean, 1.5)).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(KINDS)("%s: the tensor count stays flat over repeated calls", async (kind) => {
    const f = digitLogits(models[kind]);
    const run = async (i: number): Promise<CleanStages> => {
      const clean = await fgsmCleanStages(f, digit(i), i % 2 === 0 ? test.labels[i] : undefined);
      await fgsmEpsStages(f, clean, (i % 5) / 255);
      return clean;
    };
    await run(0); // warm-up: kernels may cache constants on first use
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await run(i);
    expect(tf.memory().numTensors).toBe(before);
  });
});
