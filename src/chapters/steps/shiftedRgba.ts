/**
 * Colours for x + eta before the clip: values inside [0,1] in grey, values below 0 in blue
 * and above 1 in red (the pixels the clip is about to pull back), the deeper the further out.
 */
export function shiftedRgba(values: ArrayLike<number>, eps: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= 0 && v <= 1) {
      const g = Math.round(v * 255);
      out.set([g, g, g, 255], i * 4);
      continue;
    }
    // Out by `t` in (0, 1] of eps: from a pale tint to the full colour (RdBu ends).
    const t = eps > 0 ? Math.min(1, (v < 0 ? -v : v - 1) / eps) : 1;
    const [r, g, b] = v < 0 ? [33, 102, 172] : [178, 24, 43];
    const a = 0.45 + 0.55 * t;
    out.set([255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a, 255], i * 4);
  }
  return out;
}
