import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digitModels";
import { accuracy } from "../evaluate";
import { pickDigits } from "../mnistFormat";
import { loadShippedModel, loadSplitFromDisk } from "../testing/nodeDigits";
import { cleanAndRobustAccuracy } from "./robustAccuracy";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("clean and robust accuracy", () => {
  it("clean matches accuracy(); PGD at eps = 0.1 breaks the undefended MLP; eps = 0 changes nothing", async () => {
    const { test } = await loadSplitFromDisk();
    const set = pickDigits(
      test,
      Int32Array.from({ length: 300 }, (_, i) => i),
    );
    const model = await loadShippedModel("mlp");
    const start = tf.memory().numTensors;
    const attacked = await cleanAndRobustAccuracy(model, set, {
      eps: 0.1,
      steps: 5,
      seed: 1,
      batchSize: 128,
    });
    const none = await cleanAndRobustAccuracy(model, set, {
      eps: 0,
      steps: 5,
      seed: 1,
      withFgsm: true,
    });
    expect(tf.memory().numTensors).toBe(start);
    expect(attacked.clean).toBe(await accuracy(digitLogits(model), set));
    expect(attacked.clean).toBeGreaterThan(0.9);
    expect(attacked.robust).toBeLessThan(attacked.clean - 0.4);
    expect(attacked.fgsm).toBeNull(); // not asked for
    expect(none).toEqual({ clean: attacked.clean, robust: attacked.clean, fgsm: attacked.clean });
    // Seeded: the same call gives the same number.
    const again = await cleanAndRobustAccuracy(model, set, {
      eps: 0.1,
      steps: 5,
      seed: 1,
      batchSize: 128,
    });
    expect(again).toEqual(attacked);
    // One FGSM step is weaker than PGD from the same ball, yet it too breaks the MLP.
    const withFgsm = await cleanAndRobustAccuracy(model, set, {
      eps: 0.1,
      steps: 5,
      seed: 1,
      batchSize: 128,
      withFgsm: true,
    });
    expect(withFgsm.robust).toBe(attacked.robust);
    expect(withFgsm.fgsm).toBeGreaterThanOrEqual(withFgsm.robust);
    expect(withFgsm.fgsm).toBeLessThan(attacked.clean - 0.3);
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });
});
