import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fgsm, fgsmFromGradient, fgsmFromSign } from "./fgsm";
import { inputGradient } from "./gradient";
import { crossEntropy } from "./loss";
import { pgd, pgdAsync, pgdStep } from "./pgd";
import { projectLinf } from "./project";
import { randomInputs, type TestModel, tinyConvNet } from "./testModels";

let conv: TestModel;
beforeAll(async () => {
  await tf.setBackend("cpu");
  conv = tinyConvNet(2);
});
afterAll(() => conv.dispose());

describe("no tensor leaks", () => {
  it("keeps tf.memory().numTensors flat over 50 calls of each attack", async () => {
    const x = randomInputs(conv.inputShape, 2, 51, 0, 1, true);
    const labels = tf.tensor1d([0, 2], "int32");
    const calls: (() => tf.Tensor | Promise<tf.Tensor>)[] = [
      () => inputGradient(conv.f, x, [0, 2]),
      () => {
        const logits = conv.f(x);
        const loss = crossEntropy(logits, labels);
        logits.dispose();
        return loss;
      },
      () => fgsm(conv.f, x, [0, 2], { eps: 0.05 }),
      () => fgsm(conv.f, x, labels, { eps: 0.05, targeted: true }),
      () => fgsm(conv.f, x, labels, { eps: 0 }),
      () => tf.tidy(() => fgsmFromGradient(x, tf.onesLike(x), 0.1)),
      () => tf.tidy(() => fgsmFromSign(x, tf.onesLike(x), 0.1, true)),
      () => projectLinf(x, x, 0.1),
      () => pgdStep(conv.f, x, x, [0, 2], { eps: 0.1, stepSize: 0.02 }),
      () => pgd(conv.f, x, [0, 2], { eps: 0.05, steps: 2, randomStart: true, seed: 1 }),
      () => pgdAsync(conv.f, x, labels, { eps: 0.05, steps: 2, randomStart: true }),
    ];
    for (const [index, call] of calls.entries()) {
      (await call()).dispose(); // warm-up: kernels may cache constants on first use
      const before = tf.memory().numTensors;
      for (let i = 0; i < 50; i++) (await call()).dispose();
      expect(tf.memory().numTensors, `call #${index}`).toBe(before);
    }
    tf.dispose([x, labels]);
  });
});
