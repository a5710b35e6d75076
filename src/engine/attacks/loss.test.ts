import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { crossEntropy, perExampleCrossEntropy } from "./loss";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("cross-entropy", () => {
  const rows = [
    [1, 2, 3],
    [0.5, -1, 4],
  ];
  const manual = (r: number[], y: number) =>
    Math.log(r.reduce((s, v) => s + Math.exp(v), 0)) - r[y];

  it("matches -log softmax per example and sums over the batch", () => {
    const logits = tf.tensor2d(rows);
    const per = perExampleCrossEntropy(logits, [2, 0]);
    const total = crossEntropy(logits, tf.tensor1d([2, 0], "int32"));
    const p = per.dataSync();
    expect(p[0]).toBeCloseTo(manual(rows[0], 2), 5);
    expect(p[1]).toBeCloseTo(manual(rows[1], 0), 5);
    expect(total.dataSync()[0]).toBeCloseTo(p[0] + p[1], 5);
    tf.dispose([logits, per, total]);
  });

  it("stays finite for huge logits (logSoftmax, not log(softmax))", () => {
    const logits = tf.tensor2d([[1000, -1000, 0]]);
    const l = crossEntropy(logits, [1]);
    expect(l.dataSync()[0]).toBeCloseTo(2000, 0);
    tf.dispose([logits, l]);
  });

  it("rejects labels that do not fit the logits", () => {
    const logits = tf.tensor2d(rows);
    expect(() => crossEntropy(logits, [0])).toThrow(RangeError);
    expect(() => crossEntropy(logits, [0, 3])).toThrow(RangeError);
    expect(() => crossEntropy(logits, [0, 1.5])).toThrow(RangeError);
    const short = tf.tensor1d([0], "int32");
    expect(() => crossEntropy(logits, short)).toThrow(RangeError);
    tf.dispose([logits, short]);
  });
});
