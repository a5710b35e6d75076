import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inputGradient } from "./gradient";
import { crossEntropy } from "./loss";
import { randomInputs, type TestModel, tanhMlp, tinyConvNet } from "./testModels";

let mlp: TestModel;
beforeAll(async () => {
  await tf.setBackend("cpu");
  mlp = tanhMlp(1);
});
afterAll(() => mlp.dispose());

describe("inputGradient", () => {
  it("matches central finite differences on a smooth tanh model", () => {
    const x = randomInputs([12], 2, 21, 0.2, 0.8);
    const labels = [1, 3];
    const g = inputGradient(mlp.f, x, labels).dataSync();
    const x0 = x.dataSync();
    const loss = (v: Float32Array) =>
      tf.tidy(() => crossEntropy(mlp.f(tf.tensor2d(v, [2, 12])), labels).dataSync()[0]);
    const h = 5e-3;
    let errSq = 0;
    let normSq = 0;
    for (let i = 0; i < x0.length; i++) {
      const plus = Float32Array.from(x0);
      const minus = Float32Array.from(x0);
      plus[i] += h;
      minus[i] -= h;
      const fd = (loss(plus) - loss(minus)) / (plus[i] - minus[i]);
      errSq += (g[i] - fd) ** 2;
      normSq += g[i] ** 2;
    }
    expect(normSq).toBeGreaterThan(1e-4);
    expect(Math.sqrt(errSq / normSq)).toBeLessThan(1e-2);
    x.dispose();
  });

  it("gives each row the same gradient alone or inside a batch (summed loss)", () => {
    const conv = tinyConvNet(4);
    const x = randomInputs(conv.inputShape, 3, 22);
    const labels = [0, 2, 1];
    const gBatch = inputGradient(conv.f, x, labels);
    const row = tf.slice(x, [1, 0, 0, 0], [1, 6, 6, 3]);
    const gAlone = inputGradient(conv.f, row, [2]);
    const gRow = tf.slice(gBatch, [1, 0, 0, 0], [1, 6, 6, 3]);
    const diff = tf.max(tf.abs(tf.sub(gRow, gAlone))).dataSync()[0];
    expect(diff).toBeLessThan(1e-6);
    expect(tf.max(tf.abs(gAlone)).dataSync()[0]).toBeGreaterThan(1e-4);
    expect(gBatch.shape).toEqual(x.shape);
    tf.dispose([x, gBatch, row, gAlone, gRow]);
    conv.dispose();
  });
});
