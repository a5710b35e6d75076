/**
 * FGSM on an 8-bit RGBA image, in whole grey levels. For an 8-bit x and
 * eps = k/255, quantize8bit(fgsmFromSign(x, s, eps)) is exactly
 * clamp(x + k·s, 0, 255) per channel (minus for a targeted step), so once
 * sign(grad) has been read back, every epsilon of the slider is computed here
 * on the CPU and only the classification of the result needs the GPU.
 * `sign` holds -1/0/+1 per channel in HWC order (3 channels); alpha stays opaque.
 */
export function fgsmBytes(
  cleanRgba: Uint8ClampedArray,
  sign: ArrayLike<number>,
  levels: number,
  targeted = false,
): Uint8ClampedArray {
  const step = targeted ? -levels : levels;
  const out = new Uint8ClampedArray(cleanRgba.length);
  for (let p = 0, c = 0; p < out.length; p += 4, c += 3) {
    out[p] = cleanRgba[p] + step * sign[c];
    out[p + 1] = cleanRgba[p + 1] + step * sign[c + 1];
    out[p + 2] = cleanRgba[p + 2] + step * sign[c + 2];
    out[p + 3] = 255;
  }
  return out;
}
