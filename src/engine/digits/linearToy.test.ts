import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fgsm } from "../attacks/fgsm";
import { digitLogits } from "./digitModels";
import { activationChange, logSpacedDims, MAX_DIMENSION, randomWeights } from "./linearToy";
import { digitImages } from "./mnistData";
import { loadShippedModel, loadSplitFromDisk } from "./testing/nodeDigits";
import {
  classWeightImages,
  signAgreement,
  signOfDifference,
  targetedStepSign,
} from "./weightSigns";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("the linearity toy", () => {
  const w = randomWeights();

  it("w.eta equals eps * ||w||_1 for every dimension, while no feature moves more than eps", () => {
    const eps = 0.01;
    const dims = [1, 10, 784, 3072, MAX_DIMENSION];
    const change = activationChange(w, dims, eps);
    for (const [k, n] of dims.entries()) {
      let l1 = 0;
      for (let i = 0; i < n; i++) l1 += Math.abs(w[i]);
      expect(change[k]).toBeCloseTo(eps * l1, 2);
    }
    // Grows like n: E|w_i| = sqrt(2/pi) for N(0,1) weights.
    expect(change[4] / (eps * MAX_DIMENSION)).toBeCloseTo(Math.sqrt(2 / Math.PI), 2);
    expect(change[4] / change[2]).toBeGreaterThan(150);
  });

  it("log-spaced dimensions run from 1 to the maximum, increasing", () => {
    const dims = logSpacedDims(60);
    expect(dims[0]).toBe(1);
    expect(dims.at(-1)).toBe(MAX_DIMENSION);
    expect(dims.every((n, i) => i === 0 || n > dims[i - 1])).toBe(true);
  });
});

describe("FGSM on a two-class linear (logistic) model", () => {
  it("is exactly eps * sign(w), with the sign set by the label", () => {
    const d = 50;
    const eps = 0.05;
    const wv = tf.randomNormal([d], 0, 1, "float32", 3);
    const b = 0.3;
    // Logistic regression p(y=1|x) = sigmoid(w.x + b), written as softmax over logits [0, w.x + b].
    const f = (x: tf.Tensor) =>
      tf.tidy(() => {
        const z = tf.add(tf.sum(tf.mul(x, wv), 1, true), b);
        return tf.concat([tf.zerosLike(z), z], 1) as tf.Tensor2D;
      });
    // Inputs inside [eps, 1 - eps], so clipping to [0,1] never acts.
    const x = tf.randomUniform([6, d], 0.1, 0.9, "float32", 4);
    const sw = tf.sign(wv).dataSync();
    for (const label of [0, 1]) {
      const adv = fgsm(f, x, new Array(6).fill(label), { eps });
      const eta = tf.sub(adv, x).arraySync() as number[][];
      const s = label === 0 ? 1 : -1; // raising the loss of class 0 pushes w.x up
      for (const row of eta)
        for (let i = 0; i < d; i++) expect(row[i]).toBeCloseTo(s * eps * sw[i], 6);
      tf.dispose([adv]);
    }
    tf.dispose([wv, x]);
  });
});

describe("the softmax regression's weights and FGSM", () => {
  it("a confident digit's targeted FGSM direction mostly equals sign(w_target - w_true)", async () => {
    const { test } = await loadSplitFromDisk();
    const model = await loadShippedModel("softmax");
    const weights = await classWeightImages(model);
    expect(weights).toHaveLength(10);
    expect(weights[0]).toHaveLength(784);
    const i = test.labels.indexOf(3);
    const x = digitImages(test, i, i + 1);
    const step = targetedStepSign(digitLogits(model), x, 8);
    const agreement = signAgreement(step, signOfDifference(weights[8], weights[3]));
    x.dispose();
    model.dispose();
    expect(agreement).toBeGreaterThan(0.75);
  });
});
