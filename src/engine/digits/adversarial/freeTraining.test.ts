import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { inputGradient } from "../../attacks/gradient";
import { makeBatch } from "../batches";
import { buildDigitModel, digitLogits } from "../digitModels";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { freeTrainingStep } from "./freeTraining";
import type { PassCount } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const batchOf = async (start: number, n = 32) => {
  const { train } = await loadSplitFromDisk();
  return makeBatch(
    train,
    Int32Array.from({ length: n }, (_, i) => start + i),
  );
};

describe("free adversarial training", () => {
  it("first replay: delta = clip(eps * sign(grad_x L(x)), -eps, eps), then the weights move", async () => {
    const eps = 0.1;
    const model = buildDigitModel("mlp", 4);
    const batch = await batchOf(0);
    // Before any update delta = 0, so the input gradient is that of the clean batch.
    const expected = tf.tidy(() =>
      tf.mul(tf.sign(inputGradient(digitLogits(model), batch.x, batch.y)), eps),
    );
    const before = model.getWeights()[0].dataSync().slice();
    const optimizer = tf.train.sgd(0.1);
    const count: PassCount = { forward: 0, backward: 0 };
    const step = freeTrainingStep(model, optimizer, { eps, replays: 1 }, count);
    step(batch).dispose();
    const delta = step.delta()?.dataSync() as Float32Array;
    const want = expected.dataSync();
    for (let i = 0; i < want.length; i++) expect(delta[i]).toBeCloseTo(want[i], 6);
    expect(model.getWeights()[0].dataSync()).not.toEqual(before);
    step.dispose();
    tf.dispose([expected, batch.x, batch.y]);
    optimizer.dispose();
    model.dispose();
  });

  it("m replays per minibatch: m forward and m backward passes, delta kept in the eps-ball", async () => {
    const eps = 0.05;
    const replays = 4;
    const model = buildDigitModel("softmax", 2);
    const start = tf.memory().numTensors;
    const optimizer = tf.train.adam(0.01);
    const count: PassCount = { forward: 0, backward: 0 };
    const step = freeTrainingStep(model, optimizer, { eps, replays }, count);
    const b1 = await batchOf(0);
    const b2 = await batchOf(32);
    step(b1).dispose();
    step(b2).dispose();
    expect(count).toEqual({ forward: 2 * replays, backward: 2 * replays });
    const delta = (step.delta() as tf.Tensor).dataSync();
    expect(Math.max(...delta.map(Math.abs))).toBeLessThanOrEqual(eps + 1e-7);
    expect(delta.some((v) => v !== 0)).toBe(true);
    step.dispose();
    tf.dispose([b1.x, b1.y, b2.x, b2.y]);
    optimizer.dispose(); // Adam's state
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it("carries delta over: the next minibatch's update starts from it", async () => {
    const eps = 0.05;
    const model = buildDigitModel("mlp", 3);
    const optimizer = tf.train.sgd(0.05);
    const step = freeTrainingStep(
      model,
      optimizer,
      { eps, replays: 1 },
      { forward: 0, backward: 0 },
    );
    const b1 = await batchOf(0);
    const b2 = await batchOf(32);
    step(b1).dispose();
    const carried = (step.delta() as tf.Tensor).dataSync().slice();
    // The gradient the next replay will see: at clip(x2 + carried), with the weights as they are now.
    const g = tf.tidy(() => {
      const start = tf.clipByValue(tf.add(b2.x, tf.tensor(carried, b2.x.shape)), 0, 1);
      return tf.sign(inputGradient(digitLogits(model), start, b2.y));
    });
    const gv = g.dataSync();
    step(b2).dispose();
    const next = (step.delta() as tf.Tensor).dataSync();
    for (let i = 0; i < next.length; i++) {
      expect(next[i]).toBeCloseTo(Math.max(-eps, Math.min(eps, carried[i] + eps * gv[i])), 6);
    }
    step.dispose();
    tf.dispose([g, b1.x, b1.y, b2.x, b2.y]);
    optimizer.dispose();
    model.dispose();
  });

  it("refuses bad settings", () => {
    const model = buildDigitModel("softmax", 1);
    const optimizer = tf.train.sgd(0.1);
    const count = { forward: 0, backward: 0 };
    expect(() => freeTrainingStep(model, optimizer, { eps: 0.1, replays: 0 }, count)).toThrow(
      RangeError,
    );
    expect(() => freeTrainingStep(model, optimizer, { eps: -1, replays: 2 }, count)).toThrow(
      RangeError,
    );
    model.dispose();
  });
});
