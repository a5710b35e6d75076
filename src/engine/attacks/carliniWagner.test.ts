import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carliniWagnerL2 } from "./carliniWagner";
import { randomInputs, type TestModel, tanhMlp } from "./testModels";

let model: TestModel;
let x: tf.Tensor;
let labels: number[];

/** Per example, the best other logit minus the labelled one (> 0: misclassified). */
async function margins(t: tf.Tensor): Promise<number[]> {
  const z = tf.tidy(() => model.f(t));
  const rows = (await z.array()) as number[][];
  z.dispose();
  return rows.map((row, i) => Math.max(...row.filter((_, k) => k !== labels[i])) - row[labels[i]]);
}

beforeAll(async () => {
  await tf.setBackend("cpu");
  model = tanhMlp(1, 16, 3);
  x = randomInputs([12], 8, 10);
  const z = tf.tidy(() => tf.argMax(model.f(x), 1));
  labels = Array.from(await z.data());
  z.dispose();
});
afterAll(() => {
  model.dispose();
  x.dispose();
});

describe("Carlini-Wagner L2 with a confidence margin kappa", () => {
  it.each([0, 1])("counts success only where the margin reaches kappa = %d", async (kappa) => {
    const before = tf.memory().numTensors;
    const r = await carliniWagnerL2(model.f, x, labels, {
      confidence: kappa,
      steps: 60,
      binarySearchSteps: 4,
    });
    const reached = await margins(r.adversarial);
    console.info(
      `kappa ${kappa}: success ${r.success.map(Number).join("")}, margins ${reached.map((m) => m.toFixed(2)).join(" ")}`,
    );
    expect(r.success.some(Boolean)).toBe(true);
    for (const [i, won] of r.success.entries()) {
      if (won) expect(reached[i]).toBeGreaterThan(kappa);
      else expect(r.distance[i]).toBe(0);
    }
    r.adversarial.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
