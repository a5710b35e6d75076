import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fgsm, fgsmFromGradient, fgsmFromSign } from "./fgsm";
import { inputGradient } from "./gradient";
import { perExampleCrossEntropy } from "./loss";
import { randomInputs, type TestModel, tanhMlp, tinyConvNet } from "./testModels";

let mlp: TestModel;
let conv: TestModel;
beforeAll(async () => {
  await tf.setBackend("cpu");
  mlp = tanhMlp(1);
  conv = tinyConvNet(2);
});
afterAll(() => {
  mlp.dispose();
  conv.dispose();
});

/** ||a - b||_inf, min(a), max(a). */
function stats(a: tf.Tensor, b: tf.Tensor): [number, number, number] {
  return tf.tidy(() => [
    tf.max(tf.abs(tf.sub(a, b))).dataSync()[0],
    tf.min(a).dataSync()[0],
    tf.max(a).dataSync()[0],
  ]);
}

describe("fgsm", () => {
  for (const targeted of [false, true]) {
    it(`stays in the eps-ball and in [0,1] (targeted=${targeted})`, () => {
      for (const m of [mlp, conv]) {
        const x = randomInputs(m.inputShape, 4, 31, 0, 1, true);
        const eps = 0.1;
        const xAdv = fgsm(m.f, x, [0, 1, 2, 1], { eps, targeted });
        const [linf, lo, hi] = stats(xAdv, x);
        expect(linf).toBeLessThanOrEqual(eps + 1e-6);
        expect(linf).toBeGreaterThan(eps - 1e-6); // it did move
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        tf.dispose([x, xAdv]);
      }
    });
  }

  it("moves every unclipped pixel by exactly eps; clipped ones land on 0 or 1", () => {
    const x = randomInputs([12], 6, 32, 0, 1, true);
    const eps = 0.05;
    const labels = [0, 1, 2, 3, 0, 1];
    const g = inputGradient(mlp.f, x, labels);
    const xAdv = fgsmFromGradient(x, g, eps);
    const [xv, av, gv] = [x.dataSync(), xAdv.dataSync(), g.dataSync()];
    let checked = 0;
    let clipped = 0;
    for (let i = 0; i < xv.length; i++) {
      const s = Math.sign(gv[i]);
      if (s === 0) continue;
      const target = xv[i] + s * eps;
      if (target >= 0 && target <= 1) {
        expect(Math.abs(Math.abs(av[i] - xv[i]) - eps)).toBeLessThan(1e-6);
        expect(Math.sign(av[i] - xv[i])).toBe(s);
        checked++;
      } else {
        expect(av[i]).toBe(target < 0 ? 0 : 1);
        clipped++;
      }
    }
    expect(checked).toBeGreaterThan(xv.length / 2);
    expect(clipped).toBeGreaterThan(0);
    tf.dispose([x, g, xAdv]);
  });

  it("without clipping, g . eta == eps * ||g||_1", () => {
    const x = randomInputs([12], 3, 33, 0.3, 0.7);
    const eps = 0.02;
    const g = inputGradient(mlp.f, x, [2, 0, 1]);
    const xAdv = fgsmFromGradient(x, g, eps);
    const [dot, l1] = tf.tidy(() => [
      tf.sum(tf.mul(g, tf.sub(xAdv, x))).dataSync()[0],
      tf.sum(tf.abs(g)).dataSync()[0],
    ]);
    expect(l1).toBeGreaterThan(0);
    expect(Math.abs(dot - eps * l1) / (eps * l1)).toBeLessThan(1e-4);
    tf.dispose([x, g, xAdv]);
  });

  it("eps = 0 returns x exactly", () => {
    const x = randomInputs([12], 2, 34, 0, 1, true);
    const a = fgsm(mlp.f, x, [0, 1], { eps: 0 });
    const b = fgsmFromSign(x, tf.onesLike(x), 0, true);
    expect(Array.from(a.dataSync())).toEqual(Array.from(x.dataSync()));
    expect(Array.from(b.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, a, b]);
  });

  it("untargeted raises the true-class loss, targeted lowers the target loss", () => {
    const x = randomInputs(conv.inputShape, 4, 35, 0.1, 0.9);
    const labels = [0, 1, 2, 0];
    const eps = 2e-3;
    const lossOf = (v: tf.Tensor, y: number[]) =>
      tf.tidy(() => Array.from(perExampleCrossEntropy(conv.f(v), y).dataSync()));
    const up = fgsm(conv.f, x, labels, { eps });
    const down = fgsm(conv.f, x, labels, { eps, targeted: true });
    const [l0, lUp, lDown] = [lossOf(x, labels), lossOf(up, labels), lossOf(down, labels)];
    for (let i = 0; i < labels.length; i++) {
      expect(lUp[i]).toBeGreaterThan(l0[i]);
      expect(lDown[i]).toBeLessThan(l0[i]);
    }
    tf.dispose([x, up, down]);
  });

  it("rejects invalid epsilons", () => {
    const x = randomInputs([12], 1, 36);
    for (const eps of [-0.1, Number.NaN, 2]) {
      expect(() => fgsm(mlp.f, x, [0], { eps })).toThrow(RangeError);
    }
    x.dispose();
  });
});
