import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { greedyPixels, pixelGains, topIndices } from "./greedyPixels";
import { randomInputs, type TestModel, tinyConvNet } from "./testModels";

let net: TestModel;
beforeAll(async () => {
  await tf.setBackend("cpu");
  net = tinyConvNet();
});
afterAll(() => net.dispose());

describe("the greedy pixel attack's ranking", () => {
  it("prices a pixel by the linear gain of pushing each channel to the end its gradient points to", () => {
    // Two pixels of two channels. Pixel 0: g (1, -2) at x (0.25, 0.5) gains 1*0.75 + 2*0.5 = 1.75.
    // Pixel 1: g (0.5, 0.5) at x (0.5, 1) gains 0.25 + 0 = 0.25.
    const gains = pixelGains(
      Float32Array.from([0.25, 0.5, 0.5, 1]),
      Float32Array.from([1, -2, 0.5, 0.5]),
      2,
      new Uint8Array(2),
    );
    expect(Array.from(gains)).toEqual([1.75, 0.25]);
    const used = pixelGains(
      Float32Array.from([0, 0]),
      Float32Array.from([1, 1]),
      1,
      Uint8Array.from([1, 0]),
    );
    expect(used[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(topIndices(Float32Array.from([0.1, 3, Number.NEGATIVE_INFINITY, 2]), 3)).toEqual([
      1, 3, 0,
    ]);
  });
});

describe("the greedy pixel attack on a small conv net", () => {
  it("changes at most its pixel budget, sets changed pixels to 0 or 1, and leaks nothing", async () => {
    const x = randomInputs([6, 6, 3], 1, 4);
    const label = (await tf.tidy(() => tf.argMax(net.f(x), 1)).data())[0];
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const r = await greedyPixels(
      net.f,
      x,
      label,
      { perStep: 2, maxPixels: 5 },
      {
        onStep: (done) => steps.push(done),
        between: async () => {},
      },
    );
    const [a, b] = [await x.data(), await r.adversarial.data()];
    const moved = new Set<number>();
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        moved.add(Math.floor(i / 3));
        expect([0, 1]).toContain(b[i]);
      }
    }
    expect(moved.size).toBe(r.changed);
    expect(r.changed).toBeLessThanOrEqual(5);
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    r.adversarial.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it("flips the net's answer when the budget allows, and stops there", async () => {
    const x = randomInputs([6, 6, 3], 1, 4);
    const label = (await tf.tidy(() => tf.argMax(net.f(x), 1)).data())[0];
    const r = await greedyPixels(net.f, x, label, { perStep: 1, maxPixels: 36 });
    const now = (await tf.tidy(() => tf.argMax(net.f(r.adversarial), 1)).data())[0];
    expect(r.success).toBe(true);
    expect(now).not.toBe(label);
    expect(r.backward).toBe(r.changed); // one pixel per gradient
    tf.dispose([x, r.adversarial]);
  });

  it("rejects a batch and budgets that are not positive integers", async () => {
    const two = randomInputs([6, 6, 3], 2);
    const one = randomInputs([6, 6, 3], 1);
    await expect(greedyPixels(net.f, two, 0, { perStep: 1, maxPixels: 4 })).rejects.toThrow(
      RangeError,
    );
    await expect(greedyPixels(net.f, one, 0, { perStep: 0, maxPixels: 4 })).rejects.toThrow(
      RangeError,
    );
    await expect(greedyPixels(net.f, one, 0, { perStep: 1, maxPixels: 2.5 })).rejects.toThrow(
      RangeError,
    );
    tf.dispose([one, two]);
  });
});
