import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { inputGradient } from "../attacks/gradient";
import { tanhMlp } from "../attacks/testModels";
import { makeBatch } from "../digits/batches";
import { digitLogits } from "../digits/digitModels";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import { defenceHits } from "./measureDefence";
import { bpdaLogits, quantisedLogits, quantiseTo } from "./quantiseDefence";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("the quantising defence", () => {
  it("rounds each pixel to the nearest of its grey values, and refuses nonsense", () => {
    const x = tf.tensor1d([0, 0.1, 0.2, 0.49, 0.51, 0.7, 0.9, 1, 1.3, -0.2]);
    const two = quantiseTo(x, 2);
    const four = quantiseTo(x, 4);
    expect(Array.from(two.dataSync())).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
    const thirds = [0, 0, 1, 1, 2, 2, 3, 3, 3, 0].map((k) => k / 3);
    for (const [i, v] of four.dataSync().entries()) expect(v).toBeCloseTo(thirds[i], 6);
    tf.dispose([x, two, four]);
    for (const bad of [1, 0, 2.5, 257])
      expect(() => quantiseTo(tf.scalar(0), bad)).toThrow(RangeError);
  });

  it("hides the gradient (all zeros), and BPDA gives back the model's own gradient at the quantised input", () => {
    const m = tanhMlp(3);
    const x = tf.randomUniform([5, 12], 0, 1, "float32", 11);
    const labels = [0, 1, 2, 3, 0];
    const before = tf.memory().numTensors;
    const masked = inputGradient(quantisedLogits(m.f, 4), x, labels);
    const straight = inputGradient(bpdaLogits(m.f, 4), x, labels);
    const q = quantiseTo(x, 4);
    const atQuantised = inputGradient(m.f, q, labels);
    const largest = (t: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(t)).dataSync()[0]);
    expect(largest(masked)).toBe(0);
    expect(largest(atQuantised)).toBeGreaterThan(1e-3);
    expect(tf.tidy(() => largest(tf.sub(straight, atQuantised)))).toBeLessThan(1e-6);
    tf.dispose([masked, straight, q, atQuantised]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(x);
    m.dispose();
  });
});

describe("the defence on chapter 2's CNN (50 seeded test digits, 4 grey values, eps 51/255, 10 PGD steps)", () => {
  it("looks robust to FGSM and PGD through it, keeps its clean accuracy, and BPDA breaks it", async () => {
    const { test } = await loadSplitFromDisk();
    const model = await loadShippedModel("cnn");
    const f = digitLogits(model);
    const { x, y } = makeBatch(
      test,
      Int32Array.from({ length: 50 }, (_, i) => i),
    );
    const before = tf.memory().numTensors;
    const h = await defenceHits(f, x, y, { levels: 4, eps: 51 / 255, steps: 10, seed: 7 });
    expect(tf.memory().numTensors).toBe(before);
    console.info(`defence hits of 50: ${JSON.stringify(h)}`);
    const { undefended: u, defended: d } = h;
    expect(Math.abs(d.clean - u.clean)).toBeLessThanOrEqual(2); // within 4 points
    // The gradient through the staircase is zero: FGSM cannot move a pixel.
    expect(d.fgsm).toBe(d.clean);
    // PGD's random start alone barely matters; its steps go nowhere.
    expect(d.pgd).toBeGreaterThanOrEqual(d.clean - 3);
    // The same budget breaks the undefended model and, through BPDA, the defended one.
    expect(u.pgd).toBeLessThanOrEqual(10);
    expect(d.bpda).toBeLessThanOrEqual(10);
    tf.dispose([x, y]);
    model.dispose();
  });
});
