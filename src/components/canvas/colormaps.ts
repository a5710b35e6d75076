/**
 * Colour maps from plain numbers to RGBA pixels for PixelCanvas. Every view of a digit-sized
 * array (images, weights, gradients) goes through one of these two.
 */

/** Grey levels: v in [0,1] -> black..white (values outside are clipped). */
export function greyRgba(values: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const g = Math.round(Math.min(1, Math.max(0, values[i])) * 255);
    out.set([g, g, g, 255], i * 4);
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
  for (let i = 0; i < values.length; i++) {
    const t = s > 0 ? Math.max(-1, Math.min(1, values[i] / s)) : 0;
    // White fades to red (t > 0: 178,24,43) or blue (t < 0: 33,102,172), as in ColorBrewer RdBu.
    const [r, g, b] = t >= 0 ? [178, 24, 43] : [33, 102, 172];
    const a = Math.abs(t);
    out.set([255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a, 255], i * 4);
  }
  return out;
}
