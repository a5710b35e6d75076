/**
 * A digit drawn on a canvas, made to look like an MNIST digit, the way MNIST itself was made
 * (LeCun, Cortes & Burges): the ink's bounding box is scaled to fit a 20x20 box keeping its
 * aspect ratio, then placed in a 28x28 field so that its centre of mass is at the centre.
 * Plain arrays in and out, no tensors.
 */

const SIDE = 28;
const BOX = 20;
/** Pixels fainter than this (in [0,1]) do not count as ink for the bounding box. */
const INK = 0.05;

/**
 * The drawing `values` (a square `size` x `size` grey image, row-major, white ink on black)
 * as 784 values in [0,1], rounded to 8-bit grey levels. `maxValue` is what full ink is
 * (255 for canvas bytes, 1 for floats); by default 255 if any value exceeds 1, else 1.
 * A blank drawing gives all zeros.
 */
export function digitFromDrawing(
  values: ArrayLike<number>,
  size: number,
  maxValue?: number,
): Float32Array {
  if (!Number.isInteger(size) || size < 1 || values.length !== size * size) {
    throw new RangeError(`Expected a square ${size}x${size} drawing, got ${values.length} values.`);
  }
  let max = maxValue ?? 1;
  if (maxValue === undefined) for (let i = 0; i < values.length; i++) if (values[i] > 1) max = 255;
  const ink = (i: number) => Math.min(1, Math.max(0, values[i] / max));

  // Bounding box of the ink: columns [x0, x1), rows [y0, y1).
  let [x0, y0, x1, y1] = [size, size, 0, 0];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (ink(y * size + x) <= INK) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
    }
  }
  const out = new Float32Array(SIDE * SIDE);
  if (x1 <= x0) return out;

  const [w, h] = [x1 - x0, y1 - y0];
  const scale = BOX / Math.max(w, h);
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const small = resampleArea(ink, size, [x0, y0, w, h], tw, th);

  // Centre of mass in pixel indices, moved to pixel (14, 14) by a whole-pixel shift (where
  // MNIST's digits have theirs, within half a pixel), kept inside the field so no ink is lost.
  let [mass, mx, my] = [0, 0, 0];
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const left = clamp(Math.round(SIDE / 2 - mx / mass), SIDE - tw);
  const top = clamp(Math.round(SIDE / 2 - my / mass), SIDE - th);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      out[(top + y) * SIDE + left + x] = Math.round(small[y * tw + x] * 255) / 255;
    }
  }
  return out;
}

/**
 * Area resampling of the source rectangle [x0, x0+w) x [y0, y0+h) to tw x th: each output
 * pixel is the coverage-weighted mean of the source pixels under it (anti-aliased when
 * shrinking, blocky when enlarging).
 */
function resampleArea(
  at: (i: number) => number,
  size: number,
  [x0, y0, w, h]: [number, number, number, number],
  tw: number,
  th: number,
): Float32Array {
  const xs = axisWeights(x0, w, tw);
  const ys = axisWeights(y0, h, th);
  const out = new Float32Array(tw * th);
  for (let oy = 0; oy < th; oy++) {
    for (let ox = 0; ox < tw; ox++) {
      let sum = 0;
      let area = 0;
      for (const [sy, wy] of ys[oy]) {
        for (const [sx, wx] of xs[ox]) {
          sum += wy * wx * at(sy * size + sx);
          area += wy * wx;
        }
      }
      out[oy * tw + ox] = sum / area;
    }
  }
  return out;
}

/** For each of `n` output cells over source [start, start+len): (source index, overlap) pairs. */
function axisWeights(start: number, len: number, n: number): [number, number][][] {
  const step = len / n;
  return Array.from({ length: n }, (_, o) => {
    const a = start + o * step;
    const b = a + step;
    const cells: [number, number][] = [];
    for (let s = Math.floor(a); s < Math.ceil(b); s++) {
      const overlap = Math.min(b, s + 1) - Math.max(a, s);
      if (overlap > 1e-9) cells.push([s, overlap]);
    }
    return cells;
  });
}
