import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogitsFn } from "../types";
import { latentAttack, randomSignNoise, targetFor } from "./latentAttack";
import { cnnBaseline } from "./measure";
import { createVae, disposeVae, type Vae } from "./vae";

let vae: Vae;
let weights: tf.Tensor2D;
let cnn: LogitsFn;
beforeAll(async () => {
  await tf.setBackend("cpu");
  vae = createVae({ latent: 4, hidden: 16 }, 9);
  weights = tf.randomNormal([784, 10], 0, 0.1, "float32", 3) as tf.Tensor2D;
  cnn = (x) => tf.tidy(() => tf.matMul(tf.reshape(x, [x.shape[0], 784]), weights));
});
afterAll(() => {
  disposeVae(vae);
  weights.dispose();
});

/** Digits on the 8-bit grid, like MNIST's. */
const digits = (n: number, seed: number) =>
  tf.tidy(() =>
    tf.div(tf.round(tf.mul(tf.randomUniform([n, 28, 28, 1], 0, 1, "float32", seed), 255)), 255),
  );

/** How far the values are, at most, from the 8-bit grid (in grey levels). */
const offGrid = (t: tf.Tensor) =>
  Math.max(...Array.from(t.dataSync(), (v) => Math.abs(v * 255 - Math.round(v * 255))));

describe("the VAE table's three contestants are all rounded to 8 bits", () => {
  it("the latent attack, the noise and the CNN baseline all land on the grid", () => {
    const x = digits(3, 1);
    const targets = tf.tensor1d([1, 2, 3], "int32");
    const code = tf.randomNormal([3, 4], 0, 1, "float32", 2) as tf.Tensor2D;
    const goal = targetFor(vae, code, "latent");
    const eps = 20 / 255;
    const made = [
      latentAttack(vae, x, goal, { eps, steps: 3, objective: "latent" }),
      randomSignNoise(x, eps, 1),
      cnnBaseline(cnn, x, targets, eps, 3),
    ];
    for (const [i, t] of made.entries()) expect(offGrid(t), `contestant ${i}`).toBeLessThan(1e-3);
    tf.dispose([x, targets, code, goal, ...made]);
  });
});
