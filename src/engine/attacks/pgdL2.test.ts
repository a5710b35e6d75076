import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digits/digitModels";
import { digitImages, digitLabels } from "../digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import type { LogitsFn } from "../types";
import { pgdL2, projectL2 } from "./pgdL2";

let cnn: LogitsFn;
let dispose: () => void;
beforeAll(async () => {
  await tf.setBackend("cpu");
  const model = await loadShippedModel("cnn");
  cnn = digitLogits(model);
  dispose = () => model.dispose();
});
afterAll(() => dispose());

const l2 = (a: tf.Tensor, b: tf.Tensor) =>
  tf.tidy(() => Array.from(tf.sqrt(tf.sum(tf.square(tf.sub(a, b)), [1, 2, 3])).dataSync()));

describe("PGD in the L2 ball", () => {
  it("projects onto the ball and into [0,1]", () => {
    const x = tf.fill([2, 28, 28, 1], 0.5);
    const far = tf.add(x, tf.randomNormal(x.shape, 0, 1, "float32", 1));
    const p = projectL2(far, x, 1.5);
    for (const d of l2(p, x)) expect(d).toBeLessThanOrEqual(1.5 + 1e-4);
    const v = p.dataSync();
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThanOrEqual(1);
    tf.dispose([x, far, p]);
  });

  it("stays in its radius, fools the CNN on most test digits at radius 2, and leaks nothing", async () => {
    const { test } = await loadSplitFromDisk();
    const x = digitImages(test, 0, 20);
    const y = digitLabels(test, 0, 20);
    const before = tf.memory().numTensors;
    const adv = pgdL2(cnn, x, y, { radius: 2, steps: 20 });
    for (const d of l2(adv, x)) expect(d).toBeLessThanOrEqual(2 + 1e-3);
    const right = tf.tidy(
      () => tf.sum(tf.cast(tf.equal(tf.argMax(cnn(adv), 1), y), "int32")).dataSync()[0],
    );
    expect(right).toBeLessThan(10);
    adv.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  it("returns the input at radius 0 and rejects bad parameters", () => {
    const x = tf.fill([1, 28, 28, 1], 0.3);
    const same = pgdL2(cnn, x, [3], { radius: 0, steps: 5 });
    expect(same.dataSync()).toEqual(x.dataSync());
    expect(() => pgdL2(cnn, x, [3], { radius: -1, steps: 5 })).toThrow(RangeError);
    expect(() => pgdL2(cnn, x, [3], { radius: 1, steps: 0 })).toThrow(RangeError);
    tf.dispose([x, same]);
  });
});
