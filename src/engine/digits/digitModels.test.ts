import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { installFastCpuConvGradient } from "../kernels/cpuConvBackpropFilter";
import { buildDigitModel, digitLogits } from "./digitModels";
import { encodeWeights } from "./digitWeights";
import { accuracy } from "./evaluate";
import { pickDigits } from "./mnistFormat";
import { RECIPES } from "./recipes";
import { loadShippedModel, loadSplitFromDisk } from "./testing/nodeDigits";
import { trainDigitModel } from "./train";

beforeAll(async () => {
  await tf.setBackend("cpu");
  installFastCpuConvGradient();
});

describe("the shipped digit models (npm run train:models)", () => {
  // The floors on the 2,000 test digits.
  const floors = { softmax: 0.88, mlp: 0.94, cnn: 0.96 } as const;
  for (const [kind, floor] of Object.entries(floors) as [keyof typeof floors, number][]) {
    it(`${kind} reaches >= ${floor * 100}% test accuracy`, async () => {
      const { test } = await loadSplitFromDisk();
      const model = await loadShippedModel(kind);
      const acc = await accuracy(digitLogits(model), test);
      model.dispose();
      expect(acc).toBeGreaterThanOrEqual(floor);
    });
  }
});

describe("training from scratch", () => {
  it("improves the MLP from chance to a useful accuracy in one epoch", async () => {
    const { train, test } = await loadSplitFromDisk();
    const model = buildDigitModel("mlp", RECIPES.mlp.seed);
    const f = digitLogits(model);
    const before = await accuracy(f, test);
    const losses: number[] = [];
    await trainDigitModel(
      model,
      train,
      { ...RECIPES.mlp, epochs: 1 },
      {
        onBatch: (p) => {
          losses.push(p.loss);
        },
      },
    );
    const after = await accuracy(f, test);
    model.dispose();
    expect(before).toBeLessThan(0.3);
    expect(after).toBeGreaterThan(0.85);
    expect(after - before).toBeGreaterThan(0.5);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-20))).toBeLessThan(mean(losses.slice(0, 20)) / 2);
  });

  it("is reproducible: same seed, same weights; another seed, other weights", async () => {
    const { train } = await loadSplitFromDisk();
    const few = pickDigits(
      train,
      Int32Array.from({ length: 256 }, (_, i) => i),
    );
    const run = async (seed: number) => {
      const model = buildDigitModel("cnn", seed);
      await trainDigitModel(model, few, { seed, epochs: 1, batchSize: 64, learningRate: 0.004 });
      const { bytes } = encodeWeights(model);
      model.dispose();
      return Buffer.from(bytes);
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it("leaves no tensors behind", async () => {
    const { train } = await loadSplitFromDisk();
    const few = pickDigits(
      train,
      Int32Array.from({ length: 128 }, (_, i) => i),
    );
    const model = buildDigitModel("softmax", 1);
    const before = tf.memory().numTensors;
    await trainDigitModel(model, few, { ...RECIPES.softmax, epochs: 2 });
    // Adam's moment estimates are freed with the optimizer; only the weights remain.
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
