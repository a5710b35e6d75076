import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "../digits/digitModels";
import { digitImages } from "../digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../digits/testing/nodeDigits";
import type { LogitsFn } from "../types";
import { carliniWagnerL2 } from "./carliniWagner";
import { deepFool } from "./deepFool";
import { miFgsm } from "./miFgsm";
import { pgd } from "./pgd";
import { pgdL2 } from "./pgdL2";

/** Test digits the attacks run on (the first of the fixed split). */
const COUNT = 100;
let mlp: tfl.Sequential;
let cnn: tfl.Sequential;
let f: LogitsFn;
let x: tf.Tensor;
let labels: number[];

beforeAll(async () => {
  await tf.setBackend("cpu");
  const { test } = await loadSplitFromDisk();
  [mlp, cnn] = await Promise.all([loadShippedModel("mlp"), loadShippedModel("cnn")]);
  f = digitLogits(mlp);
  x = digitImages(test, 0, COUNT);
  labels = Array.from(test.labels.subarray(0, COUNT));
});
afterAll(() => {
  tf.dispose([x, mlp, cnn] as tf.TensorContainer[]);
});

/** Per example: is it misread, and the L2 size of the change. */
async function measure(g: LogitsFn, adv: tf.Tensor) {
  const [wrong, l2] = tf.tidy(() => [
    tf.notEqual(tf.argMax(g(adv), 1), tf.tensor1d(labels, "int32")),
    tf.sqrt(tf.sum(tf.square(tf.reshape(tf.sub(adv, x), [COUNT, -1])), 1)),
  ]);
  const out = {
    wrong: Array.from(await wrong.data()).map(Boolean),
    l2: Array.from(await l2.data()) as number[],
  };
  tf.dispose([wrong, l2]);
  return out;
}
const rate = (flags: boolean[]) => flags.filter(Boolean).length / flags.length;
/** The median L2 over the examples that succeeded. */
function medianOfSuccesses(m: { wrong: boolean[]; l2: number[] }): number {
  const s = m.l2.filter((_, i) => m.wrong[i]).sort((a, b) => a - b);
  return s[s.length >> 1];
}
async function range(t: tf.Tensor) {
  const [lo, hi] = [t.min(), t.max()];
  const out = [(await lo.data())[0], (await hi.data())[0]];
  tf.dispose([lo, hi]);
  return out;
}

describe("MI-FGSM (Dong et al. 2018)", () => {
  it("stays in [0,1] and in the eps-ball, returns the input at eps 0, and leaks nothing", async () => {
    const before = tf.memory().numTensors;
    const adv = miFgsm(f, x, labels, { eps: 0.1, steps: 5 });
    const [lo, hi] = await range(adv);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    const linf = tf.tidy(() => tf.max(tf.abs(tf.sub(adv, x))));
    expect((await linf.data())[0]).toBeLessThanOrEqual(0.1 + 1e-6);
    const same = miFgsm(f, x, labels, { eps: 0, steps: 5 });
    expect(Array.from(await same.data())).toEqual(Array.from(await x.data()));
    tf.dispose([adv, linf, same]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects bad parameters", () => {
    expect(() => miFgsm(f, x, labels, { eps: -0.1, steps: 5 })).toThrow(RangeError);
    expect(() => miFgsm(f, x, labels, { eps: 0.1, steps: 0 })).toThrow(RangeError);
    expect(() => miFgsm(f, x, labels, { eps: 0.1, steps: 5, momentum: -1 })).toThrow(RangeError);
  });

  it("transfers from the MLP to the CNN better than the iterative FGSM it extends (same eps, steps and step)", async () => {
    // Dong et al.'s comparison: I-FGSM (BIM) with the same step eps / steps, no random start.
    const opts = { eps: 0.3, steps: 10 };
    const mi = miFgsm(f, x, labels, opts);
    const bim = pgd(f, x, labels, { ...opts, stepSize: opts.eps / opts.steps });
    const madry = pgd(f, x, labels, { ...opts, randomStart: true, seed: 1 });
    const g = digitLogits(cnn);
    const [own, onMi, onBim, onMadry] = [
      await measure(f, mi),
      await measure(g, mi),
      await measure(g, bim),
      await measure(g, madry),
    ];
    console.info(
      `eps 0.3, 10 steps, ${COUNT} digits: MI-FGSM fools the MLP on ${rate(own.wrong)}; on the CNN, MI-FGSM ${rate(onMi.wrong)}, BIM ${rate(onBim.wrong)}, PGD (random start, step eps/4) ${rate(onMadry.wrong)}`,
    );
    expect(rate(own.wrong)).toBeGreaterThan(0.9);
    expect(rate(onMi.wrong)).toBeGreaterThan(rate(onBim.wrong));
    tf.dispose([mi, bim, madry]);
  });
});

describe("the minimal-L2 attacks: DeepFool and Carlini-Wagner against PGD-L2", () => {
  let reference: { wrong: boolean[]; l2: number[] };
  beforeAll(async () => {
    const adv = pgdL2(f, x, labels, { radius: 2, steps: 20 });
    reference = await measure(f, adv);
    adv.dispose();
  });

  it("DeepFool succeeds at least as often as PGD-L2 (radius 2) with a smaller median L2", async () => {
    const before = tf.memory().numTensors;
    const r = await deepFool(f, x, labels);
    const m = await measure(f, r.adversarial);
    const [lo, hi] = await range(r.adversarial);
    console.info(
      `DeepFool: success ${rate(m.wrong)}, median L2 ${medianOfSuccesses(m).toFixed(3)} in ${r.steps} steps; PGD-L2 r = 2: ${rate(reference.wrong)}, ${medianOfSuccesses(reference).toFixed(3)}`,
    );
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(rate(m.wrong)).toBeGreaterThanOrEqual(rate(reference.wrong));
    expect(medianOfSuccesses(m)).toBeLessThan(medianOfSuccesses(reference));
    r.adversarial.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("Carlini-Wagner L2 succeeds at least as often as PGD-L2 with a smaller median L2", async () => {
    const before = tf.memory().numTensors;
    const r = await carliniWagnerL2(f, x, labels);
    const m = await measure(f, r.adversarial);
    console.info(
      `C&W L2: success ${rate(m.wrong)}, median L2 ${medianOfSuccesses(m).toFixed(3)}, ${r.backward} gradient steps`,
    );
    expect(m.wrong).toEqual(r.success);
    expect(rate(m.wrong)).toBeGreaterThanOrEqual(rate(reference.wrong));
    expect(medianOfSuccesses(m)).toBeLessThan(medianOfSuccesses(reference));
    const [lo, hi] = await range(r.adversarial);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    r.adversarial.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it("reject bad parameters", async () => {
    await expect(deepFool(f, x, labels, { steps: 0 })).rejects.toThrow(RangeError);
    await expect(deepFool(f, x, labels, { overshoot: -1 })).rejects.toThrow(RangeError);
    await expect(carliniWagnerL2(f, x, labels, { learningRate: 0 })).rejects.toThrow(RangeError);
    await expect(carliniWagnerL2(f, x, labels, { binarySearchSteps: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
