import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  fromRgbaBytes,
  perturbationBytes,
  perturbationGain,
  quantize8bit,
  toRgbaBytes,
} from "./pixels";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("pixels", () => {
  it("quantize8bit yields multiples of 1/255 in [0,1], nearest to the input", () => {
    const x = tf.tensor1d([-0.2, 0, 0.001, 0.5, 0.33333, 0.999, 1, 1.7, 0.1234567]);
    const q = quantize8bit(x);
    const [xv, qv] = [x.dataSync(), q.dataSync()];
    for (let i = 0; i < qv.length; i++) {
      const k = qv[i] * 255;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-4);
      expect(qv[i]).toBeGreaterThanOrEqual(0);
      expect(qv[i]).toBeLessThanOrEqual(1);
      expect(Math.abs(qv[i] - Math.min(1, Math.max(0, xv[i])))).toBeLessThanOrEqual(
        0.5 / 255 + 1e-7,
      );
    }
    expect(Array.from(qv.slice(0, 2))).toEqual([0, 0]);
    expect(qv[6]).toBe(1);
    tf.dispose([x, q]);
  });

  it("round-trips RGBA bytes exactly, alpha 255", async () => {
    const [w, h] = [5, 3];
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + 11) % 256;
    const img = fromRgbaBytes(rgba, w, h);
    expect(img.shape).toEqual([h, w, 3]);
    const back = await toRgbaBytes(img);
    for (let i = 0; i < rgba.length; i++) expect(back[i]).toBe(i % 4 === 3 ? 255 : rgba[i]);
    img.dispose();
    expect(() => fromRgbaBytes(rgba, w + 1, h)).toThrow(RangeError);
  });

  it("quantize8bit equals what a PNG of the image decodes to, bit for bit", async () => {
    const x = tf.randomUniform([4, 4, 3], -0.1, 1.1, "float32", 5) as tf.Tensor3D;
    const q = quantize8bit(x);
    const viaBytes = fromRgbaBytes(await toRgbaBytes(x), 4, 4);
    expect(Array.from(viaBytes.dataSync())).toEqual(Array.from(q.dataSync()));
    tf.dispose([x, q, viaBytes]);
  });

  it("expands greyscale to RGB", async () => {
    const g = tf.tensor3d([0, 1, 0.5, 0.2], [2, 2, 1]);
    const bytes = await toRgbaBytes(g);
    expect(Array.from(bytes.slice(0, 8))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    g.dispose();
  });

  it("perturbation bytes are mid grey where nothing changed, brighter/darker otherwise", () => {
    // two RGBA pixels: the first unchanged, the second +4, -4 and +1 grey levels
    const clean = new Uint8ClampedArray([10, 200, 0, 255, 100, 100, 100, 255]);
    const adv = new Uint8ClampedArray([10, 200, 0, 255, 104, 96, 101, 255]);
    const gain = perturbationGain(4 / 255);
    const p = perturbationBytes(adv, clean, gain);
    expect([...p.slice(0, 4)]).toEqual([128, 128, 128, 255]);
    expect([...p.slice(4)]).toEqual([255, 0, 159, 255]); // 127.5 + 31.875 = 159.375
  });

  it("chooses a gain mapping +-eps to about +-0.5", () => {
    expect(perturbationGain(0)).toBe(1);
    expect(perturbationGain(0.1)).toBeCloseTo(5, 10);
    expect(perturbationGain(8 / 255) * (8 / 255)).toBeCloseTo(0.5, 10);
    expect(perturbationGain(1e-6)).toBe(127.5);
    expect(() => perturbationGain(-1)).toThrow(RangeError);
  });

  it("leaks no tensors", async () => {
    const x = tf.randomUniform([3, 3, 3], 0, 1, "float32", 6) as tf.Tensor3D;
    const rgba = await toRgbaBytes(x);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      quantize8bit(x).dispose();
      fromRgbaBytes(rgba, 3, 3).dispose();
      await toRgbaBytes(x);
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
