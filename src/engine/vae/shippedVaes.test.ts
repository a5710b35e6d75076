import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digits/digitModels";
import { accuracy } from "../digits/evaluate";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import type { LogitsFn } from "../types";
import { classCentroids, encodeMeans } from "./latentMap";
import { measureLevel } from "./measure";
import { loadShippedVae } from "./testing/nodeVaes";
import { testElbo } from "./train";
import { reconstruct, type Vae } from "./vae";

let vae16: Vae;
let vae2: Vae;
let cnn: LogitsFn;
let disposeCnn: () => void;
beforeAll(async () => {
  await tf.setBackend("cpu");
  vae16 = (await loadShippedVae("vae16")).vae;
  vae2 = (await loadShippedVae("vae2")).vae;
  const model = await loadShippedModel("cnn");
  cnn = digitLogits(model);
  disposeCnn = () => model.dispose();
});
afterAll(() => {
  tf.dispose([...vae16.weights, ...vae2.weights]);
  disposeCnn();
});

describe("the shipped VAEs", () => {
  it("model the test digits: negative ELBO below a floor, as their files say", async () => {
    const { test } = await loadSplitFromDisk();
    for (const [vae, kind, floor] of [
      [vae16, "vae16", 130],
      [vae2, "vae2", 175],
    ] as const) {
      const measured = await testElbo(vae, test);
      const { vae: copy, meta } = await loadShippedVae(kind);
      tf.dispose(copy.weights);
      expect(measured.negElbo, kind).toBeLessThan(floor);
      expect(measured.negElbo).toBeCloseTo(meta.test.negElbo, 1);
    }
  }, 60_000);

  it("vae16 reconstructs test digits well enough for chapter 2's CNN to read at least 80%", async () => {
    const { test } = await loadSplitFromDisk();
    const rate = await accuracy((x) => cnn(reconstruct(vae16, x)), test);
    console.info(`CNN on vae16 reconstructions: ${(rate * 100).toFixed(1)}% of ${test.count}`);
    expect(rate).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});

describe("the latent attack on the shipped 16-D VAE", () => {
  it("moves the code toward the target class at least 3x further than random sign noise", async () => {
    const { test } = await loadSplitFromDisk();
    const codes = await encodeMeans(vae16, test);
    const centroids = tf.tensor2d(classCentroids(codes, test.labels, 16), [10, 16]);
    const n = 20;
    const x = tf.tidy(() => {
      const bytes = test.pixels.subarray(0, n * 784);
      return tf.div(tf.tensor4d(Float32Array.from(bytes), [n, 28, 28, 1]), 255) as tf.Tensor4D;
    });
    const targets = tf.tensor1d(
      Array.from(test.labels.subarray(0, n), (l) => (l + 1) % 10),
      "int32",
    );
    const before = tf.memory().numTensors;
    for (const eps of [13 / 255, 26 / 255, 51 / 255]) {
      const s = await measureLevel(vae16, cnn, x, targets, centroids, eps, {
        objective: "latent",
        steps: 10,
        seed: 1,
      });
      console.info(
        `eps ${eps.toFixed(3)}: moved ${(s.attackMoved / n).toFixed(2)} vs noise ${(s.noiseMoved / n).toFixed(2)}; ` +
          `recon -> target ${s.attackReconHits}/${n} (noise ${s.noiseReconHits}); CNN PGD ${s.cnnHits}/${n}`,
      );
      expect(s.count).toBe(n);
      expect(s.attackMoved).toBeGreaterThan(0);
      expect(s.attackMoved).toBeGreaterThanOrEqual(3 * Math.abs(s.noiseMoved));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, targets, centroids]);
  }, 120_000);
});
