import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fgsm } from "../../attacks/fgsm";
import { makeBatch } from "../batches";
import { buildDigitModel } from "../digitModels";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { fastAttack, fastTrainingStep } from "./fastTraining";
import { pgdTrainingAttack, pgdTrainingStep } from "./pgdTraining";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const batchOf = async (n = 32) => {
  const { train } = await loadSplitFromDisk();
  return makeBatch(
    train,
    Int32Array.from({ length: n }, (_, i) => i),
  );
};

/** max |a - b|, min and max of a. */
const stats = (a: tf.Tensor, b: tf.Tensor) => {
  const av = a.dataSync();
  const bv = b.dataSync();
  let dist = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < av.length; i++) {
    dist = Math.max(dist, Math.abs(av[i] - bv[i]));
    lo = Math.min(lo, av[i]);
    hi = Math.max(hi, av[i]);
  }
  return { dist, lo, hi };
};

describe("PGD training's inner attack (Madry et al.)", () => {
  it("stays in the eps-ball and [0,1], moves x, and is reproducible from its seed", async () => {
    const eps = 0.1;
    const model = buildDigitModel("mlp", 6);
    const { x, y } = await batchOf();
    const start = tf.memory().numTensors;
    const a = pgdTrainingAttack(model, x, y, { eps, steps: 3, seed: 11 });
    const b = pgdTrainingAttack(model, x, y, { eps, steps: 3, seed: 11 });
    const c = pgdTrainingAttack(model, x, y, { eps, steps: 3, seed: 12 });
    const s = stats(a, x);
    expect(s.dist).toBeLessThanOrEqual(eps + 1e-6);
    expect(s.dist).toBeGreaterThan(eps / 2);
    expect(s.lo).toBeGreaterThanOrEqual(0);
    expect(s.hi).toBeLessThanOrEqual(1);
    expect(a.dataSync()).toEqual(b.dataSync());
    expect(a.dataSync()).not.toEqual(c.dataSync());
    tf.dispose([a, b, c]);
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([x, y]);
    model.dispose();
  });

  it("a PGD-k training step costs k+1 forward and k+1 backward passes and moves the weights", async () => {
    const model = buildDigitModel("mlp", 6);
    const batch = await batchOf();
    const before = model.getWeights()[0].dataSync().slice();
    const optimizer = tf.train.adam(0.01);
    const count = { forward: 0, backward: 0 };
    const step = pgdTrainingStep(model, optimizer, { eps: 0.1, steps: 4 }, count, 3);
    step(batch).dispose();
    step(batch).dispose();
    expect(count).toEqual({ forward: 10, backward: 10 });
    expect(model.getWeights()[0].dataSync()).not.toEqual(before);
    optimizer.dispose();
    tf.dispose([batch.x, batch.y]);
    model.dispose();
  });
});

describe("fast training's attack (Wong, Rice & Kolter)", () => {
  it("random start + a 1.25*eps step stays in the eps-ball and [0,1]", async () => {
    const eps = 0.1;
    const model = buildDigitModel("mlp", 7);
    const { x, y } = await batchOf();
    const opts = { eps, stepRatio: 1.25, randomStart: true, seed: 4 };
    const xAdv = fastAttack(model, x, y, opts);
    const s = stats(xAdv, x);
    expect(s.dist).toBeLessThanOrEqual(eps + 1e-6);
    expect(s.dist).toBeGreaterThan(eps / 2);
    expect(s.lo).toBeGreaterThanOrEqual(0);
    expect(s.hi).toBeLessThanOrEqual(1);
    tf.dispose([xAdv, x, y]);
    model.dispose();
  });

  it("from a zero start with a step of eps it is exactly FGSM", async () => {
    const eps = 0.1;
    const model = buildDigitModel("mlp", 7);
    const { x, y } = await batchOf();
    const xAdv = fastAttack(model, x, y, { eps, stepRatio: 1, randomStart: false, seed: 4 });
    const want = fgsm((t) => model.apply(t) as tf.Tensor2D, x, y, { eps });
    expect(xAdv.dataSync()).toEqual(want.dataSync());
    tf.dispose([xAdv, want, x, y]);
    model.dispose();
  });

  it("a fast training step costs 2 forward and 2 backward passes", async () => {
    const model = buildDigitModel("softmax", 7);
    const batch = await batchOf();
    const optimizer = tf.train.adam(0.01);
    const count = { forward: 0, backward: 0 };
    const step = fastTrainingStep(
      model,
      optimizer,
      { eps: 0.1, stepRatio: 1.25, randomStart: true },
      count,
      1,
    );
    step(batch).dispose();
    expect(count).toEqual({ forward: 2, backward: 2 });
    optimizer.dispose();
    tf.dispose([batch.x, batch.y]);
    model.dispose();
  });
});
