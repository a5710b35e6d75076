import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digits/digitModels";
import { digitImages } from "../digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import type { LogitsFn } from "../types";
import { largestCertifiableRadius } from "./bounds";
import { certify, noisyVotes } from "./certify";

let cnn: LogitsFn;
let dispose: () => void;
beforeAll(async () => {
  await tf.setBackend("cpu");
  const model = await loadShippedModel("cnn");
  cnn = digitLogits(model);
  dispose = () => model.dispose();
});
afterAll(() => dispose());

/** A classifier that always says class 4, whatever the input. */
const always4: LogitsFn = (x) =>
  tf.tidy(() => tf.oneHot(tf.fill([x.shape[0]], 4, "int32"), 10).toFloat() as tf.Tensor2D);

describe("CERTIFY", () => {
  it("on a classifier that never changes its mind, certifies the largest radius n samples allow", async () => {
    const x = tf.zeros([1, 28, 28, 1]);
    const c = await certify(always4, x, { sigma: 0.25, n0: 10, n: 100, alpha: 0.001, seed: 1 });
    expect(c.prediction).toBe(4);
    expect(c.estimation[4]).toBe(100);
    expect(c.radius).toBeCloseTo(largestCertifiableRadius(100, 0.001, 0.25) ?? -1, 10);
    x.dispose();
  });

  it("counts every sample once, is seeded, and leaves no tensor behind", async () => {
    const { test } = await loadSplitFromDisk();
    const x = digitImages(test, 0, 1);
    const before = tf.memory().numTensors;
    const a = await noisyVotes(cnn, x, 0.25, 300, { batchSize: 128, seed: 5 });
    const b = await noisyVotes(cnn, x, 0.25, 300, { batchSize: 128, seed: 5 });
    expect(a.reduce((s, v) => s + v, 0)).toBe(300);
    expect(a).toEqual(b);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it("abstains when the noise splits the votes, and rejects bad settings", async () => {
    const x = tf.zeros([1, 28, 28, 1]);
    // Half the noisy copies have a positive first pixel: votes split about 50/50.
    const coin: LogitsFn = (input) =>
      tf.tidy(() => {
        const first = tf.reshape(
          tf.slice(tf.reshape(input, [input.shape[0], -1]), [0, 0], [-1, 1]),
          [-1],
        );
        return tf.oneHot(tf.cast(tf.greater(first, 0), "int32"), 10).toFloat() as tf.Tensor2D;
      });
    const c = await certify(coin, x, { sigma: 0.5, n0: 20, n: 400, alpha: 0.001, seed: 3 });
    expect(c.prediction).toBeNull();
    expect(c.radius).toBeNull();
    expect(c.pA).toBeLessThan(0.5);
    await expect(certify(coin, x, { sigma: 0, n0: 1, n: 1, alpha: 0.1, seed: 1 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      certify(coin, x, { sigma: 0.1, n0: 0, n: 1, alpha: 0.1, seed: 1 }),
    ).rejects.toThrow(RangeError);
    // tfjs takes seed 0 for no seed: refused, so that every certificate repeats.
    await expect(
      certify(coin, x, { sigma: 0.1, n0: 1, n: 1, alpha: 0.1, seed: 0 }),
    ).rejects.toThrow(RangeError);
    x.dispose();
  });

  it("draws every batch's noise from its own stream: no batch repeats across neighbouring seeds", async () => {
    const x = tf.zeros([1, 6]);
    // With x = 0 the noisy copies are the noise itself: record each batch's first values.
    const seen = new Map<string, string>();
    const spy =
      (run: string): LogitsFn =>
      (noisy) => {
        const key = Array.from(noisy.dataSync().subarray(0, 6), (v) => v.toFixed(6)).join(",");
        expect(seen.get(key), `${run} reuses the noise of ${seen.get(key)}`).toBeUndefined();
        seen.set(key, run);
        return tf.zeros([noisy.shape[0], 2]);
      };
    for (const seed of [1, 2, 3]) {
      const settings = { sigma: 0.5, n0: 10, n: 40, alpha: 0.01, batchSize: 10, seed };
      await certify(spy(`seed ${seed}`), x, settings);
    }
    expect(seen.size).toBe(3 * 5);
    x.dispose();
  });
});
