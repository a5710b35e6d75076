import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  codeDistance,
  latentAttack,
  latentAttackAsync,
  objectiveGradient,
  randomSignNoise,
  targetFor,
} from "./latentAttack";
import { createVae, disposeVae, type Vae } from "./vae";

let vae: Vae;
beforeAll(async () => {
  await tf.setBackend("cpu");
  vae = createVae({ latent: 4, hidden: 16 }, 9);
});
afterAll(() => disposeVae(vae));

/** Digits on the 8-bit grid, like MNIST's. */
const digits = (n: number, seed: number) =>
  tf.tidy(() =>
    tf.div(tf.round(tf.mul(tf.randomUniform([n, 28, 28, 1], 0, 1, "float32", seed), 255)), 255),
  );
const code = (n: number, seed: number) =>
  tf.randomNormal([n, 4], 0, 1, "float32", seed) as tf.Tensor2D;

describe("the latent attack's invariants", () => {
  it.each(["latent", "output"] as const)(
    "%s: in [0,1], in the eps-ball, on the 8-bit grid",
    (objective) => {
      const x = digits(3, 1);
      const z = code(3, 2);
      const target = targetFor(vae, z, objective);
      const eps = 20 / 255;
      const adv = latentAttack(vae, x, target, { eps, steps: 5, objective });
      const a = adv.dataSync();
      const c = x.dataSync();
      let maxDiff = 0;
      for (let i = 0; i < a.length; i++) {
        expect(a[i]).toBeGreaterThanOrEqual(0);
        expect(a[i]).toBeLessThanOrEqual(1);
        expect(Math.abs(a[i] * 255 - Math.round(a[i] * 255))).toBeLessThan(1e-3);
        maxDiff = Math.max(maxDiff, Math.abs(a[i] - c[i]));
      }
      expect(maxDiff).toBeLessThanOrEqual(eps + 1e-6);
      expect(maxDiff).toBeGreaterThan(eps / 2); // it did move
      tf.dispose([x, z, target, adv]);
    },
  );

  it("returns the input at eps 0 and rejects bad parameters", () => {
    const x = digits(2, 3);
    const z = code(2, 4);
    const same = latentAttack(vae, x, z, { eps: 0, steps: 3, objective: "latent" });
    expect(same.dataSync()).toEqual(x.dataSync());
    expect(() => latentAttack(vae, x, z, { eps: -0.1, steps: 3, objective: "latent" })).toThrow();
    expect(() => latentAttack(vae, x, z, { eps: 0.1, steps: 0, objective: "latent" })).toThrow();
    expect(() => latentAttack(vae, x, z, { eps: 0.1, steps: 2.5, objective: "latent" })).toThrow();
    expect(() =>
      latentAttack(vae, x, z, { eps: 0.1, steps: 3, objective: "nope" as "latent" }),
    ).toThrow();
    // a code where the output attack wants an image
    expect(() => latentAttack(vae, x, z, { eps: 0.1, steps: 3, objective: "output" })).toThrow(
      /784 columns/,
    );
    tf.dispose([x, z, same]);
  });

  it("leaves no tensor behind, also when cancelled half way", async () => {
    const x = digits(2, 5);
    const z = code(2, 6);
    const before = tf.memory().numTensors;
    const image = targetFor(vae, z, "output");
    const adv = latentAttack(vae, x, image, { eps: 0.1, steps: 4, objective: "output" });
    tf.dispose([adv, image]);
    const noise = randomSignNoise(x, 0.1, 1);
    noise.dispose();
    const stop = new AbortController();
    let steps = 0;
    await expect(
      latentAttackAsync(
        vae,
        x,
        z,
        { eps: 0.1, steps: 10, objective: "latent" },
        {
          signal: stop.signal,
          onStep: (done) => {
            steps = done;
            if (done === 3) stop.abort();
          },
          between: async () => undefined,
        },
      ),
    ).rejects.toThrow(/aborted/);
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, z]);
  });

  it("random sign noise has exactly the eps size (where [0,1] allows) and is seeded", () => {
    const x = tf.fill([1, 28, 28, 1], 0.5);
    const a = randomSignNoise(x, 10 / 255, 7);
    const b = randomSignNoise(x, 10 / 255, 7);
    const diffs = tf.tidy(() => tf.abs(tf.sub(a, x)).dataSync());
    for (const d of diffs) expect(d).toBeCloseTo(10 / 255, 2);
    expect(a.dataSync()).toEqual(b.dataSync());
    tf.dispose([x, a, b]);
  });
});

describe("the attack's gradient", () => {
  it.each(["latent", "output"] as const)("%s: matches central finite differences", (objective) => {
    const x = digits(1, 11);
    const target = targetFor(vae, code(1, 12), objective);
    const g = objectiveGradient(vae, target, objective)(x);
    const grad = g.dataSync();
    const x0 = x.dataSync();
    const distance = (v: Float32Array) =>
      tf.tidy(() => {
        const input = tf.tensor4d(v, [1, 28, 28, 1]);
        const d =
          objective === "latent"
            ? tf.square(codeDistance(vae, input, target))
            : tf.sum(tf.square(tf.sub(tf.sigmoid(vae.decode(vae.encode(input).mu)), target)));
        return tf.sum(d).dataSync()[0];
      });
    const h = 1e-2;
    let errSq = 0;
    let normSq = 0;
    for (let i = 0; i < x0.length; i += 37) {
      const plus = Float32Array.from(x0);
      const minus = Float32Array.from(x0);
      plus[i] += h;
      minus[i] -= h;
      const fd = (distance(plus) - distance(minus)) / (2 * h);
      errSq += (grad[i] - fd) ** 2;
      normSq += grad[i] ** 2;
    }
    expect(normSq).toBeGreaterThan(1e-8);
    expect(Math.sqrt(errSq / normSq)).toBeLessThan(0.05);
    tf.dispose([x, target, g]);
  });
});
