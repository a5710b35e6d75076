import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { elboTerms } from "./loss";
import { createVae, disposeVae, reconstruct, weightShapes } from "./vae";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const digits = (n: number, seed: number) =>
  tf.tidy(() =>
    tf.div(tf.round(tf.mul(tf.randomUniform([n, 28, 28, 1], 0, 1, "float32", seed), 255)), 255),
  );

describe("the VAE", () => {
  it("has the shapes of its config and the same weights for the same seed", () => {
    const a = createVae({ latent: 3, hidden: 8 }, 5);
    const b = createVae({ latent: 3, hidden: 8 }, 5);
    const c = createVae({ latent: 3, hidden: 8 }, 6);
    expect(a.weights.map((w) => w.shape)).toEqual(weightShapes({ latent: 3, hidden: 8 }));
    expect(a.weights[0].dataSync()).toEqual(b.weights[0].dataSync());
    expect(a.weights[0].dataSync()).not.toEqual(c.weights[0].dataSync());
    const x = digits(4, 1);
    const { mu, logVar } = a.encode(x);
    expect(mu.shape).toEqual([4, 3]);
    expect(logVar.shape).toEqual([4, 3]);
    const r = reconstruct(a, x);
    expect(r.shape).toEqual([4, 28, 28, 1]);
    const values = r.dataSync();
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(1);
    tf.dispose([x, mu, logVar, r]);
    for (const v of [a, b, c]) disposeVae(v);
  });

  it("holds nothing but its weights: created and disposed, the tensor count is back", () => {
    const before = tf.memory().numTensors;
    const vae = createVae({ latent: 2, hidden: 4 }, 1);
    expect(tf.memory().numTensors).toBe(before + 10);
    disposeVae(vae);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects a latent or hidden size that is not a positive integer", () => {
    expect(() => createVae({ latent: 0, hidden: 8 }, 1)).toThrow(RangeError);
    expect(() => createVae({ latent: 2, hidden: 2.5 }, 1)).toThrow(RangeError);
  });

  it("computes the ELBO's terms as the formulas say, checked in plain JavaScript", () => {
    const vae = createVae({ latent: 2, hidden: 6 }, 3);
    const x = digits(3, 2);
    const seed = 42;
    const before = tf.memory().numTensors;
    const terms = elboTerms(vae, x, seed);
    expect(tf.memory().numTensors).toBe(before + 2);
    // The same z the loss sampled: mu + exp(logVar / 2) * e, e from the same seed.
    const { mu, logVar } = vae.encode(x);
    const e = tf.randomNormal(mu.shape, 0, 1, "float32", seed);
    const z = tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), e))) as tf.Tensor2D;
    const logits = vae.decode(z).dataSync();
    const px = x.dataSync();
    const m = mu.dataSync();
    const lv = logVar.dataSync();
    let bce = 0;
    for (let i = 0; i < px.length; i++) {
      const p = 1 / (1 + Math.exp(-logits[i]));
      bce -= px[i] * Math.log(p) + (1 - px[i]) * Math.log(1 - p);
    }
    let kl = 0;
    for (let i = 0; i < m.length; i++) kl += 0.5 * (Math.exp(lv[i]) + m[i] ** 2 - 1 - lv[i]);
    expect(terms.reconstruction.dataSync()[0]).toBeCloseTo(bce / 3, 2);
    expect(terms.kl.dataSync()[0]).toBeCloseTo(kl / 3, 4);
    tf.dispose([x, mu, logVar, e, z, terms.reconstruction, terms.kl]);
    disposeVae(vae);
  });
});
