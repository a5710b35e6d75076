import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgdL2 } from "../attacks/pgdL2";
import { digitLogits } from "../digits/digitModels";
import { digitImages } from "../digits/mnistData";
import { loadSplitFromDisk } from "../digits/testing/nodeDigits";
import { certify } from "./certify";
import { accuracyUnderNoise } from "./noisyTraining";
import { smoothedLogits } from "./smoothedLogits";
import { loadSmoothingModel } from "./testing/nodeSmoothing";

let model: tfl.Sequential;
beforeAll(async () => {
  await tf.setBackend("cpu");
  model = (await loadSmoothingModel("sigma025")).model;
});
afterAll(() => model.dispose());

describe("the noise-trained base classifiers", () => {
  it("read noisy test digits well: at least 90% (sigma 0.25) and 80% (sigma 0.5) under one draw", async () => {
    const { test } = await loadSplitFromDisk();
    for (const [kind, sigma, floor] of [
      ["sigma025", 0.25, 0.9],
      ["sigma050", 0.5, 0.8],
    ] as const) {
      const { model: base } = await loadSmoothingModel(kind);
      const rate = await accuracyUnderNoise(digitLogits(base), test, sigma, 1);
      base.dispose();
      console.info(`${kind} under its noise: ${(100 * rate).toFixed(1)}%`);
      expect(rate, kind).toBeGreaterThanOrEqual(floor);
    }
  }, 60_000);

  it("certifies a test digit, and its smoothed prediction survives PGD-L2 at 0.9 R", async () => {
    const { test } = await loadSplitFromDisk();
    const f = digitLogits(model);
    const settings = { sigma: 0.25, n0: 100, n: 2000, alpha: 0.001, batchSize: 500 };
    const x = digitImages(test, 0, 1);
    const before = await certify(f, x, { ...settings, seed: 1 });
    expect(before.prediction).toBe(test.labels[0]);
    const radius = before.radius ?? 0;
    expect(radius).toBeGreaterThan(0.3);
    // The attacker's best try: the soft smoothed classifier, 64 noise samples per step.
    const adv = pgdL2(smoothedLogits(f, 0.25, 64, 7), x, [before.top], {
      radius: 0.9 * radius,
      steps: 20,
    });
    const after = await certify(f, adv, { ...settings, seed: 2 });
    console.info(
      `certified R = ${radius.toFixed(3)} (pA ${before.pA.toFixed(4)}); after PGD-L2 at 0.9 R: ` +
        `top ${after.top}, pA ${after.pA.toFixed(4)}`,
    );
    expect(after.top).toBe(before.top);
    tf.dispose([x, adv]);
  }, 120_000);
});
