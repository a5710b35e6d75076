import * as tf from "@tensorflow/tfjs-core";
import { assertEpsilon } from "./attacks/params";

/**
 * Tensor <-> pixel helpers. The page only ever shows, classifies and downloads 8-bit
 * images, so every path to bytes goes through the same two ops below: `quantize8bit(x)`
 * equals `fromRgbaBytes(await toRgbaBytes(x))` bit for bit.
 */

/** Integer grey levels round(clip(x,0,1)*255), as float32 (tf.round rounds half to even). */
function levels(x: tf.Tensor): tf.Tensor {
  return tf.round(tf.mul(tf.clipByValue(x, 0, 1), 255));
}

/** Grey levels 0..255 back to [0,1]. */
function unit(lv: tf.Tensor): tf.Tensor {
  return tf.div(lv, 255);
}

/** round(x*255)/255 clipped to [0,1]: the image a PNG of `x` would hold. Same shape as x. */
export function quantize8bit<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => unit(levels(x))) as T;
}

/**
 * An [H, W, 3] (or greyscale [H, W, 1]) image in [0,1] as RGBA bytes for ImageData /
 * PNG encoding, alpha 255. Values are quantised exactly like `quantize8bit`.
 */
export async function toRgbaBytes(x: tf.Tensor3D): Promise<Uint8ClampedArray> {
  const [h, w, c] = x.shape;
  if (c !== 3 && c !== 1) throw new RangeError(`Expected 1 or 3 channels, got ${c}.`);
  const lv = tf.tidy(() => levels(x));
  let data: Float32Array | Int32Array | Uint8Array;
  try {
    data = await lv.data();
  } finally {
    lv.dispose();
  }
  const out = new Uint8ClampedArray(h * w * 4);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) out[p * 4 + k] = data[p * c + (c === 3 ? k : 0)];
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** RGBA bytes (alpha ignored) of a width x height image as an [H, W, 3] tensor in [0,1]. */
export function fromRgbaBytes(rgba: Uint8ClampedArray, width: number, height: number): tf.Tensor3D {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(
      `Expected ${width * height * 4} bytes for a ${width}x${height} RGBA image, got ${rgba.length}.`,
    );
  }
  // fromPixels uploads the bytes as they are (a texture on webgl) and drops alpha.
  const pixels = { data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length), width, height };
  return tf.tidy(() => unit(tf.browser.fromPixels(pixels, 3))) as tf.Tensor3D;
}

/**
 * A signed perturbation made visible, on 8-bit RGBA images: 127.5 + gain*(adv - clean)
 * per channel, clipped to 0..255, alpha opaque. Mid grey means no change, brighter that
 * the channel went up, darker that it went down. Plain arrays: no GPU read-back.
 */
export function perturbationBytes(
  advRgba: Uint8ClampedArray,
  cleanRgba: Uint8ClampedArray,
  gain: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(advRgba.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = (i & 3) === 3 ? 255 : 127.5 + gain * (advRgba[i] - cleanRgba[i]);
  }
  return out;
}

/**
 * Gain for `perturbationBytes` that maps a perturbation of +-eps to about +-0.5 (full
 * black/white): 0.5/eps, capped at 127.5 (one grey level fills the range), 1 when eps = 0.
 */
export function perturbationGain(eps: number): number {
  assertEpsilon(eps);
  if (eps === 0) return 1;
  return Math.min(0.5 / eps, 127.5);
}
