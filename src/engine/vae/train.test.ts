import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { pickDigits } from "../digits/mnistFormat";
import { loadSplitFromDisk } from "../digits/testing/nodeDigits";
import { testElbo, trainVae, type VaeTrainOptions } from "./train";
import { createVae, disposeVae } from "./vae";

const first = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("training a VAE on real digits", () => {
  const options: VaeTrainOptions = {
    epochs: 2,
    batchSize: 64,
    learningRate: 0.003,
    beta: 1,
    seed: 4,
  };

  it("lowers the test loss, reports both terms, and leaves no tensor behind", async () => {
    const { train, test } = await loadSplitFromDisk();
    const small = pickDigits(train, first(640));
    const held = pickDigits(test, first(200));
    const vae = createVae({ latent: 4, hidden: 32 }, 4);
    const before = await testElbo(vae, held);
    const tensors = tf.memory().numTensors;
    const steps: { reconstruction: number; kl: number }[] = [];
    await trainVae(vae, small, options, { onBatch: (s) => void steps.push(s) });
    expect(tf.memory().numTensors).toBe(tensors);
    const after = await testElbo(vae, held);
    expect(steps).toHaveLength(20);
    expect(steps.every((s) => s.reconstruction > 0 && s.kl >= 0)).toBe(true);
    expect(after.negElbo).toBeLessThan(before.negElbo - 100);
    expect(after.negElbo).toBeCloseTo(after.reconstruction + after.kl, 3);
    disposeVae(vae);
  }, 60_000);

  it("gives the same weights for the same seed", async () => {
    const { train } = await loadSplitFromDisk();
    const small = pickDigits(train, first(128));
    const weightsAfter = async () => {
      const vae = createVae({ latent: 2, hidden: 8 }, 1);
      await trainVae(vae, small, { ...options, epochs: 1 });
      const values = vae.weights.map((w) => Array.from(w.dataSync()));
      disposeVae(vae);
      return values;
    };
    expect(await weightsAfter()).toEqual(await weightsAfter());
  });

  it("rejects bad settings", async () => {
    const vae = createVae({ latent: 2, hidden: 4 }, 1);
    const { train } = await loadSplitFromDisk();
    for (const bad of [
      { beta: -1 },
      { learningRate: 0 },
      { epochs: 0 },
      { batchSize: 1.5 },
      { seed: 0 },
    ]) {
      await expect(trainVae(vae, train, { ...options, ...bad })).rejects.toThrow(RangeError);
    }
    disposeVae(vae);
  });
});
