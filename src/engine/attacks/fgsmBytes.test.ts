import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fromRgbaBytes, quantize8bit, toRgbaBytes } from "../pixels";
import { fgsmFromSign } from "./fgsm";
import { fgsmBytes } from "./fgsmBytes";
import { epsilonFromLevels } from "./params";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** A deterministic pseudo-random byte image with pixels at 0 and 255 too, so clipping is exercised. */
function randomImage(size: number, seed: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4);
  let s = seed;
  for (let i = 0; i < rgba.length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    rgba[i] = i % 4 === 3 ? 255 : i % 11 === 0 ? 0 : i % 13 === 0 ? 255 : s % 256;
  }
  return rgba;
}

describe("fgsmBytes", () => {
  it("equals the tensor FGSM followed by 8-bit quantisation, exactly", async () => {
    const size = 16;
    const clean = randomImage(size, 3);
    const x = fromRgbaBytes(clean, size, size);
    const sign = tf.tidy(() => tf.sign(tf.randomNormal([size, size, 3], 0, 1, "float32", 5)));
    const signValues = sign.dataSync();
    for (const levels of [0, 1, 4, 8, 32]) {
      for (const targeted of [false, true]) {
        const adv = tf.tidy(
          () =>
            quantize8bit(fgsmFromSign(x, sign, epsilonFromLevels(levels), targeted)) as tf.Tensor3D,
        );
        const expected = await toRgbaBytes(adv);
        adv.dispose();
        expect(fgsmBytes(clean, signValues, levels, targeted)).toEqual(expected);
      }
    }
    tf.dispose([x, sign]);
  });

  it("moves every channel by exactly k levels unless clipped, never more", () => {
    const clean = randomImage(8, 9);
    const sign = Array.from({ length: 8 * 8 * 3 }, (_, i) => (i % 3) - 1);
    const adv = fgsmBytes(clean, sign, 5);
    for (let p = 0, c = 0; p < clean.length; p += 4, c += 3) {
      for (let k = 0; k < 3; k++) {
        const want = Math.min(255, Math.max(0, clean[p + k] + 5 * sign[c + k]));
        expect(adv[p + k]).toBe(want);
      }
      expect(adv[p + 3]).toBe(255);
    }
  });
});
