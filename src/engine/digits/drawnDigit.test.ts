import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { digitLogits } from "./digitModels";
import { digitFromDrawing } from "./drawnDigit";
import type { DigitSet } from "./mnistFormat";
import { loadShippedModel, loadSplitFromDisk } from "./testing/nodeDigits";

/** A black `size`² canvas with white (255) rectangles [x, y, w, h] painted on it. */
function canvas(size: number, rects: [number, number, number, number][]): Uint8ClampedArray {
  const c = new Uint8ClampedArray(size * size);
  for (const [x, y, w, h] of rects) {
    for (let r = y; r < y + h; r++) c.fill(255, r * size + x, r * size + x + w);
  }
  return c;
}

/** Ink bounding box and centre of mass (in pixel indices, as MNIST's) of a 28x28 digit. */
function measure(d: Float32Array) {
  let [mass, mx, my] = [0, 0, 0];
  let [x0, y0, x1, y1] = [28, 28, -1, -1];
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = d[y * 28 + x];
      if (v === 0) continue;
      [mass, mx, my] = [mass + v, mx + v * x, my + v * y];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return { width: x1 - x0 + 1, height: y1 - y0 + 1, cx: mx / mass, cy: my / mass };
}

function expectValidDigit(d: Float32Array) {
  expect(d).toHaveLength(784);
  for (const v of d) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
    expect(Math.abs(v * 255 - Math.round(v * 255))).toBeLessThan(1e-4); // 8-bit grey levels
  }
}

describe("digitFromDrawing", () => {
  it("turns an empty canvas into all zeros, in either value range", () => {
    expect(Array.from(digitFromDrawing(new Uint8ClampedArray(280 * 280), 280))).toEqual(
      new Array(784).fill(0),
    );
    expect(digitFromDrawing(new Float32Array(100), 10).every((v) => v === 0)).toBe(true);
  });

  it("scales a vertical bar drawn off to one side to 20 pixels tall, centred", () => {
    const d = digitFromDrawing(canvas(280, [[20, 30, 30, 240]]), 280);
    expectValidDigit(d);
    const m = measure(d);
    expect(m.height).toBe(20);
    expect(m.width).toBeLessThanOrEqual(4);
    expect(Math.abs(m.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...d)).toBe(1);
  });

  it("keeps the aspect ratio: a wide bar stays wide, 20 pixels across", () => {
    const m = measure(digitFromDrawing(canvas(200, [[150, 150, 40, 4]]), 200));
    expect(m.width).toBe(20);
    expect(m.height).toBe(2);
  });

  it("puts the centre of mass, not the box, at the centre (as MNIST did)", () => {
    // A "7"-like shape: a heavy top bar and a stem; its mass sits high in its box.
    const d = digitFromDrawing(
      canvas(280, [
        [40, 40, 200, 40],
        [180, 80, 40, 180],
      ]),
      280,
    );
    const m = measure(d);
    expect(Math.abs(m.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.cy - 14)).toBeLessThanOrEqual(0.5);
    // A centred box would span rows 4..23; this one is pushed down.
    expect(d.slice(25 * 28, 26 * 28).some((v) => v > 0)).toBe(true);
  });

  it("keeps all the ink in the field when the mass is far off the box's centre", () => {
    const m = measure(
      digitFromDrawing(
        canvas(280, [
          [0, 0, 280, 60],
          [270, 60, 10, 220],
        ]),
        280,
      ),
    );
    expect([m.width, m.height]).toEqual([20, 20]);
  });

  it("reads float canvases in [0,1] the same as bytes", () => {
    const bytes = canvas(112, [[30, 10, 12, 90]]);
    const floats = Float32Array.from(bytes, (b) => b / 255);
    expect(Array.from(digitFromDrawing(floats, 112))).toEqual(
      Array.from(digitFromDrawing(bytes, 112)),
    );
    expect(Array.from(digitFromDrawing(floats, 112, 1))).toEqual(
      Array.from(digitFromDrawing(bytes, 112, 255)),
    );
  });

  it("refuses a canvas that is not square", () => {
    expect(() => digitFromDrawing(new Uint8Array(300), 20)).toThrow(RangeError);
  });
});

describe("real MNIST digits drawn large and normalised back", () => {
  let test: DigitSet;
  beforeAll(async () => {
    await tf.setBackend("cpu");
    test = (await loadSplitFromDisk()).test;
  });

  it("come back pixel for pixel on most digits and keep the MLP's prediction", async () => {
    const n = 100;
    const model = await loadShippedModel("mlp");
    const f = digitLogits(model);
    const originals = new Float32Array(n * 784);
    const redrawn = new Float32Array(n * 784);
    let identical = 0;
    for (let i = 0; i < n; i++) {
      const src = test.pixels.subarray(i * 784, (i + 1) * 784);
      originals.set(
        Float32Array.from(src, (b) => b / 255),
        i * 784,
      );
      // Upscaled 10x with nearest neighbour, as if drawn on a 280x280 canvas.
      const big = new Uint8Array(280 * 280);
      for (let p = 0; p < big.length; p++) {
        big[p] = src[Math.floor(p / 2800) * 28 + Math.floor((p % 280) / 10)];
      }
      const d = digitFromDrawing(big, 280);
      expectValidDigit(d);
      if (d.every((v, k) => v === originals[i * 784 + k])) identical++;
      redrawn.set(d, i * 784);
    }
    const predict = (x: Float32Array) =>
      tf.tidy(
        () =>
          f(tf.tensor4d(x, [n, 28, 28, 1]))
            .argMax(1)
            .arraySync() as number[],
      );
    const [a, b] = [predict(originals), predict(redrawn)];
    model.dispose();
    // MNIST's own boxes are 20 pixels and its centres of mass within half a pixel of (14, 14),
    // so the recipe reproduces most digits exactly; the rest move by a pixel.
    expect(identical).toBeGreaterThanOrEqual(85);
    expect(a.filter((y, i) => y === b[i]).length).toBeGreaterThanOrEqual(95);
  });
});
