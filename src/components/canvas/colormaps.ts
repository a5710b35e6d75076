/**
 * Colour maps from plain numbers to RGBA pixels for PixelCanvas. Every view of a digit-sized
 * array (images, weights, gradients) goes through one of these two.
 */

/** Grey levels: v in [0,1] -> black..white (values outside are clipped). */
export function greyRgba(values: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const g = Math.round(Math.min(1, Math.max(0, values[i])) * 255);
    out[o] = g;
    out[o + 1] = g;
    out[o + 2] = g;
    out[o + 3] = 255;
  }
  return out;
}

/**
 * A diverging map for signed values: -scale -> blue, 0 -> white, +scale -> red (clipped).
 * `scale` defaults to the largest |value|, so the strongest entry is fully saturated.
 */
export function divergingRgba(values: ArrayLike<number>, scale?: number): Uint8ClampedArray {
  let s = scale ?? 0;
  if (scale === undefined)
    for (let i = 0; i < values.length; i++) s = Math.max(s, Math.abs(values[i]));
  const out = new Uint8ClampedArray(values.length * 4);
  // White fades to red (t > 0: 178,24,43) or blue (t < 0: 33,102,172), as in ColorBrewer RdBu.
  // Written channel by channel: no arrays per pixel, so a redraw leaves no garbage behind.
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const t = s > 0 ? Math.max(-1, Math.min(1, values[i] / s)) : 0;
    const a = Math.abs(t);
    out[o] = 255 + ((t >= 0 ? 178 : 33) - 255) * a;
    out[o + 1] = 255 + ((t >= 0 ? 24 : 102) - 255) * a;
    out[o + 2] = 255 + ((t >= 0 ? 43 : 172) - 255) * a;
    out[o + 3] = 255;
  }
  return out;
}
