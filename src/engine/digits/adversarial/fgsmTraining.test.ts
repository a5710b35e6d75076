import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fgsm } from "../../attacks/fgsm";
import { makeBatch } from "../batches";
import { buildDigitModel, digitLogits } from "../digitModels";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { meanLoss } from "../train";
import { fgsmTrainingStep } from "./fgsmTraining";
import { modelWeights } from "./gradients";
import type { PassCount } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("FGSM adversarial training (Goodfellow's mixed loss)", () => {
  it("returns alpha*L(x) + (1-alpha)*L(x_adv) and moves SGD weights by -lr*(alpha*g_clean + (1-alpha)*g_adv)", async () => {
    const { train } = await loadSplitFromDisk();
    const batch = makeBatch(
      train,
      Int32Array.from({ length: 32 }, (_, i) => i),
    );
    const eps = 0.1;
    const alpha = 0.3;
    const lr = 0.5;
    const model = buildDigitModel("mlp", 5);
    const weights = modelWeights(model);
    const start = tf.memory().numTensors;

    // The formula, computed independently before the step: x_adv by the FGSM attack.
    const xAdv = fgsm(digitLogits(model), batch.x, batch.y, { eps });
    const clean = tf.variableGrads(() => meanLoss(model, batch.x, batch.y), weights);
    const adv = tf.variableGrads(() => meanLoss(model, xAdv, batch.y), weights);
    const wantLoss = alpha * clean.value.dataSync()[0] + (1 - alpha) * adv.value.dataSync()[0];
    const wantWeights = weights.map((w) =>
      tf.tidy(() =>
        tf.sub(
          w,
          tf.mul(
            tf.add(tf.mul(clean.grads[w.name], alpha), tf.mul(adv.grads[w.name], 1 - alpha)),
            lr,
          ),
        ),
      ),
    );

    const optimizer = tf.train.sgd(lr);
    const count: PassCount = { forward: 0, backward: 0 };
    const loss = fgsmTrainingStep(model, optimizer, { eps, alpha }, count)(batch);
    expect(loss.dataSync()[0]).toBeCloseTo(wantLoss, 5);
    expect(count).toEqual({ forward: 2, backward: 2 });
    for (const [i, w] of weights.entries()) {
      const got = w.dataSync();
      const want = wantWeights[i].dataSync();
      for (let k = 0; k < want.length; k++) expect(got[k]).toBeCloseTo(want[k], 5);
    }
    // The clean and adversarial terms really differ (the test would be vacuous otherwise).
    expect(adv.value.dataSync()[0]).toBeGreaterThan(clean.value.dataSync()[0] + 0.1);

    tf.dispose([loss, xAdv, clean.value, adv.value, ...wantWeights]);
    tf.dispose(Object.values(clean.grads));
    tf.dispose(Object.values(adv.grads));
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([batch.x, batch.y]);
    model.dispose();
  });

  it("refuses alpha outside [0, 1] and a bad eps", () => {
    const model = buildDigitModel("softmax", 1);
    const optimizer = tf.train.sgd(0.1);
    const count = { forward: 0, backward: 0 };
    expect(() => fgsmTrainingStep(model, optimizer, { eps: 0.1, alpha: 1.5 }, count)).toThrow(
      RangeError,
    );
    expect(() => fgsmTrainingStep(model, optimizer, { eps: 2, alpha: 0.5 }, count)).toThrow(
      RangeError,
    );
    model.dispose();
  });
});
