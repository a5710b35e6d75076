import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fgsm } from "./fgsm";
import { perExampleCrossEntropy } from "./loss";
import { defaultStepSize, type PgdOptions, pgd, pgdAsync } from "./pgd";
import { randomInputs, type TestModel, tanhMlp, tinyConvNet } from "./testModels";

let mlp: TestModel;
let conv: TestModel;
beforeAll(async () => {
  await tf.setBackend("cpu");
  mlp = tanhMlp(5, 16, 2);
  conv = tinyConvNet(2);
});
afterAll(() => {
  mlp.dispose();
  conv.dispose();
});

const sumLoss = (m: TestModel, v: tf.Tensor, y: number[]) =>
  tf.tidy(() => tf.sum(perExampleCrossEntropy(m.f(v), y)).dataSync()[0]);
const sumProb = (m: TestModel, v: tf.Tensor, y: number[]) =>
  tf.tidy(() => tf.sum(tf.mul(tf.softmax(m.f(v)), tf.oneHot(y, m.classes))).dataSync()[0]);

describe("pgd", () => {
  for (const randomStart of [false, true]) {
    for (const targeted of [false, true]) {
      it(`stays in the eps-ball and [0,1] (randomStart=${randomStart}, targeted=${targeted})`, () => {
        const x = randomInputs(conv.inputShape, 3, 41, 0, 1, true);
        const eps = 0.08;
        const xAdv = pgd(conv.f, x, [0, 1, 2], { eps, steps: 5, randomStart, targeted, seed: 3 });
        const [linf, lo, hi] = tf.tidy(() => [
          tf.max(tf.abs(tf.sub(xAdv, x))).dataSync()[0],
          tf.min(xAdv).dataSync()[0],
          tf.max(xAdv).dataSync()[0],
        ]);
        expect(linf).toBeLessThanOrEqual(eps + 1e-6);
        expect(linf).toBeGreaterThan(eps / 2);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        tf.dispose([x, xAdv]);
      });
    }
  }

  it("eps = 0 returns x exactly", () => {
    const x = randomInputs([12], 2, 42, 0, 1, true);
    const a = pgd(mlp.f, x, [0, 1], { eps: 0, steps: 3, randomStart: true });
    expect(Array.from(a.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, a]);
  });

  it("is deterministic for a fixed seed", () => {
    const x = randomInputs([12], 2, 43);
    const opts: PgdOptions = { eps: 0.1, steps: 3, randomStart: true, seed: 9 };
    const a = pgd(mlp.f, x, [0, 1], opts);
    const b = pgd(mlp.f, x, [0, 1], opts);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
  });

  it("random start really starts at a random point of the ball", () => {
    const x = randomInputs([12], 4, 48, 0.2, 0.8);
    const linf = (v: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(v, x))).dataSync()[0]);
    const opts: PgdOptions = { eps: 0.1, steps: 1, stepSize: 1e-4 };
    const plain = pgd(mlp.f, x, [0, 1, 2, 3], opts);
    const a = pgd(mlp.f, x, [0, 1, 2, 3], { ...opts, randomStart: true, seed: 1 });
    const b = pgd(mlp.f, x, [0, 1, 2, 3], { ...opts, randomStart: true, seed: 2 });
    expect(linf(plain)).toBeLessThanOrEqual(1e-4 + 1e-6);
    expect(linf(a)).toBeGreaterThan(0.05);
    expect(linf(a)).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(b.dataSync()));
    tf.dispose([x, plain, a, b]);
  });

  it("disposes its iterate when a step throws", () => {
    const x = randomInputs([12], 2, 49);
    const before = tf.memory().numTensors;
    const opts: PgdOptions = { eps: 0.1, steps: 3, randomStart: true };
    for (const labels of [
      [0, 1, 2],
      [0, 4],
      [0, -1],
    ]) {
      expect(() => pgd(mlp.f, x, labels, opts)).toThrow(RangeError);
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it("beats FGSM at the same eps, untargeted and targeted", () => {
    const x = randomInputs([12], 8, 44, 0.1, 0.9);
    const truth = tf.tidy(() => Array.from(tf.argMax(mlp.f(x), 1).dataSync()));
    const target = truth.map((y) => (y + 1) % mlp.classes);
    const eps = 0.15;
    const xf = fgsm(mlp.f, x, truth, { eps });
    const xp = pgd(mlp.f, x, truth, { eps, steps: 20 });
    expect(sumLoss(mlp, xp, truth)).toBeGreaterThan(sumLoss(mlp, xf, truth));
    expect(sumProb(mlp, xp, truth)).toBeLessThan(sumProb(mlp, xf, truth));
    const tf1 = fgsm(mlp.f, x, target, { eps, targeted: true });
    const tp = pgd(mlp.f, x, target, { eps, steps: 20, targeted: true });
    expect(sumProb(mlp, tp, target)).toBeGreaterThan(sumProb(mlp, tf1, target));
    tf.dispose([x, xf, xp, tf1, tp]);
  });

  it("rejects invalid parameters", () => {
    const x = randomInputs([12], 1, 45);
    const bad: PgdOptions[] = [
      { eps: -0.1, steps: 3 },
      { eps: Number.NaN, steps: 3 },
      { eps: 0.1, steps: 0 },
      { eps: 0.1, steps: 2.5 },
      { eps: 0.1, steps: 3, stepSize: 0 },
      { eps: 0.1, steps: 3, stepSize: -0.01 },
    ];
    for (const o of bad) expect(() => pgd(mlp.f, x, [0], o)).toThrow(RangeError);
    x.dispose();
  });

  it("uses the documented default step size", () => {
    expect(defaultStepSize(0.1, 20)).toBeCloseTo(0.025, 12);
    expect(defaultStepSize(0.1, 2)).toBeCloseTo(0.125, 12);
  });
});

describe("pgdAsync", () => {
  it("matches pgd and reports every step", async () => {
    const x = randomInputs([12], 2, 46);
    const opts: PgdOptions = { eps: 0.1, steps: 6, randomStart: true, seed: 1 };
    const calls: [number, number][] = [];
    const a = await pgdAsync(mlp.f, x, [0, 1], opts, { onStep: (d, t) => calls.push([d, t]) });
    const b = pgd(mlp.f, x, [0, 1], opts);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
  });

  it("rejects with AbortError and leaks nothing when aborted before or during the run", async () => {
    const x = randomInputs([12], 2, 47);
    const before = tf.memory().numTensors;
    const pre = new AbortController();
    pre.abort();
    const opts: PgdOptions = { eps: 0.1, steps: 10, randomStart: true };
    await expect(pgdAsync(mlp.f, x, [0, 1], opts, { signal: pre.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    const mid = new AbortController();
    let steps = 0;
    const run = pgdAsync(mlp.f, x, [0, 1], opts, {
      signal: mid.signal,
      onStep: (done) => {
        steps = done;
        if (done === 3) mid.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
