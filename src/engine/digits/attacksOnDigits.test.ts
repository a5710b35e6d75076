import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fgsm } from "../attacks/fgsm";
import { digitLogits } from "./digitModels";
import { digitImages, digitLabels } from "./mnistData";
import { pickDigits } from "./mnistFormat";
import { fgsmRobustnessCurve, mergeRobustness } from "./robustnessCurve";
import { loadShippedModel, loadSplitFromDisk } from "./testing/nodeDigits";
import { strongestTransfer, transferMatrix } from "./transferMatrix";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("FGSM on the shipped digit models", () => {
  it("at eps = 0.25 the softmax regression is wrong on >= 90% of the 2,000 test digits", async () => {
    const { test } = await loadSplitFromDisk();
    const model = await loadShippedModel("softmax");
    const f = digitLogits(model);
    const x = digitImages(test);
    const y = digitLabels(test);
    const adv = fgsm(f, x, y, { eps: 0.25 });
    const error = tf.tidy(() => tf.mean(tf.cast(tf.notEqual(tf.argMax(f(adv), 1), y), "float32")));
    const value = error.dataSync()[0];
    tf.dispose([x, y, adv, error]);
    model.dispose();
    expect(value).toBeGreaterThanOrEqual(0.9);
  });

  it("the error-vs-eps curve starts at the clean error and rises to near 100%", async () => {
    const { test } = await loadSplitFromDisk();
    const model = await loadShippedModel("softmax");
    const f = digitLogits(model);
    const before = tf.memory().numTensors;
    const levels = [0, 8, 26, 64];
    const curve = await fgsmRobustnessCurve(f, test, levels);
    expect(tf.memory().numTensors).toBe(before);
    expect(curve.map((p) => p.epsLevel)).toEqual(levels);
    expect(curve[0].errorRate).toBeLessThan(0.12); // the clean error
    for (let k = 1; k < curve.length; k++)
      expect(curve[k].errorRate).toBeGreaterThan(curve[k - 1].errorRate);
    expect(curve[3].errorRate).toBeGreaterThanOrEqual(0.9);
    // Measured in two parts and merged, the curve is the same.
    const half = (from: number) =>
      pickDigits(
        test,
        Int32Array.from({ length: 1000 }, (_, i) => from + i),
      );
    const merged = mergeRobustness([
      { count: 1000, points: await fgsmRobustnessCurve(f, half(0), levels) },
      { count: 1000, points: await fgsmRobustnessCurve(f, half(1000), levels) },
    ]);
    for (const [k, p] of merged.entries()) {
      expect(p.errorRate).toBeCloseTo(curve[k].errorRate, 6);
      expect(p.meanConfidence).toBeCloseTo(curve[k].meanConfidence, 4);
      expect(p.meanWrongConfidence).toBeCloseTo(curve[k].meanWrongConfidence, 4);
    }
    model.dispose();
    for (const p of curve) {
      expect(p.meanConfidence).toBeGreaterThan(0.1);
      expect(p.meanConfidence).toBeLessThanOrEqual(1);
      expect(p.meanWrongConfidence).toBeLessThanOrEqual(1);
    }
  });
});

describe("the transfer matrix", () => {
  it("holds error rates in [0,1] with each white-box diagonal at least the clean error", async () => {
    const { test } = await loadSplitFromDisk();
    const subset = pickDigits(
      test,
      Int32Array.from({ length: 300 }, (_, i) => i),
    );
    const models = await Promise.all(
      (["softmax", "mlp", "cnn"] as const).map((k) => loadShippedModel(k)),
    );
    const entries = models.map((m, i) => ({ id: ["softmax", "mlp", "cnn"][i], f: digitLogits(m) }));
    const before = tf.memory().numTensors;
    for (const attack of [
      { kind: "fgsm" as const, epsLevel: 26, steps: 1 },
      { kind: "pgd" as const, epsLevel: 26, steps: 3 },
    ]) {
      const rows: number[] = [];
      const result = await transferMatrix(entries, subset, attack, {
        batchSize: 100,
        onRow: (s) => rows.push(s),
      });
      expect(rows).toEqual([0, 1, 2]);
      expect(result.count).toBe(300);
      for (const [s, row] of result.error.entries()) {
        for (const e of row) {
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(1);
        }
        expect(row[s]).toBeGreaterThanOrEqual(result.clean[s]);
      }
      // A real attack: every white-box diagonal beats the clean error clearly.
      for (const [s] of result.error.entries())
        expect(result.error[s][s]).toBeGreaterThan(result.clean[s] + 0.2);
    }
    expect(tf.memory().numTensors).toBe(before);
    for (const m of models) m.dispose();
  });
});

describe("strongestTransfer", () => {
  it("picks the largest off-diagonal entry", () => {
    const error = [
      [0.9, 0.2, 0.1],
      [0.5, 0.95, 0.61],
      [0.3, 0.4, 0.99],
    ];
    expect(strongestTransfer(error)).toEqual({ source: 1, target: 2, rate: 0.61 });
    expect(strongestTransfer([[0.5]])).toBeNull();
  });
});
