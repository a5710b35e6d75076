import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digits/digitModels";
import type { DigitSplit } from "../digits/mnistData";
import { digitImages } from "../digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import type { LogitsFn } from "../types";
import { bestPair, jsma } from "./jsma";

let model: tfl.Sequential;
let f: LogitsFn;
let split: DigitSplit;

beforeAll(async () => {
  await tf.setBackend("cpu");
  split = await loadSplitFromDisk();
  model = await loadShippedModel("mlp");
  f = digitLogits(model);
});
afterAll(() => model.dispose());

describe("JSMA's saliency map", () => {
  it("picks the pair that raises the target most while lowering the others, within the domain", () => {
    const alpha = Float32Array.from([1, 2, -5, 0.5]);
    const beta = Float32Array.from([-1, -1, 3, -0.1]);
    // (0,1): 3 * 2 = 6; (1,3): 2.5 * 1.1 = 2.75; (0,3): 1.5 * 1.1 = 1.65; pairs with 2 fail.
    expect(bestPair(alpha, beta, Uint8Array.from([1, 1, 1, 1]))).toEqual([0, 1]);
    expect(bestPair(alpha, beta, Uint8Array.from([1, 0, 1, 1]))).toEqual([0, 3]);
    expect(bestPair(alpha, beta, Uint8Array.from([0, 0, 1, 1]))).toBeNull();
  });
});

describe("JSMA (Papernot et al. 2016) on the shipped MLP", () => {
  it("reaches target label + 1 on at least 70% of 20 test digits, within its pixel budget", async () => {
    const before = tf.memory().numTensors;
    let reached = 0;
    const sizes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const x = digitImages(split.test, i, i + 1);
      const target = (split.test.labels[i] + 1) % 10;
      const r = await jsma(f, x, target, { gamma: 0.1 });
      const [orig, adv] = [await x.data(), await r.adversarial.data()];
      const differing = orig.filter((v, p) => v !== adv[p]).length;
      expect(differing).toBe(r.changed);
      expect(r.changed).toBeLessThanOrEqual(Math.floor(0.1 * 784));
      expect(Math.min(...adv)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...adv)).toBeLessThanOrEqual(1);
      const read = tf.tidy(() => tf.argMax(f(r.adversarial), 1).dataSync()[0]);
      expect(read === target).toBe(r.success);
      if (r.success) {
        reached++;
        sizes.push(r.changed);
      }
      tf.dispose([x, r.adversarial]);
    }
    sizes.sort((a, b) => a - b);
    console.info(
      `JSMA, gamma 0.1: target reached on ${reached} of 20, median ${sizes[sizes.length >> 1]} pixels`,
    );
    expect(reached).toBeGreaterThanOrEqual(14);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects bad parameters and batches", async () => {
    const x = digitImages(split.test, 0, 2);
    await expect(jsma(f, x, 3)).rejects.toThrow(RangeError);
    const one = digitImages(split.test, 0, 1);
    await expect(jsma(f, one, 3, { theta: 0 })).rejects.toThrow(RangeError);
    await expect(jsma(f, one, 3, { gamma: 0 })).rejects.toThrow(RangeError);
    await expect(jsma(f, one, 3, { gamma: 1.5 })).rejects.toThrow(RangeError);
    tf.dispose([x, one]);
  });
});
