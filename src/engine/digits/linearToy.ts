import { seededRandom } from "../random";

/** The dimensions the chapter marks on its chart. */
export const NAMED_DIMENSIONS = [
  { n: 784, name: "MNIST (28×28)" },
  { n: 3072, name: "CIFAR-10 (32×32×3)" },
  { n: 150_528, name: "ImageNet (224×224×3)" },
] as const;
export const MAX_DIMENSION = 150_528;

/**
 * A fixed random weight vector w of the largest dimension, drawn from N(0, 1) with a seeded
 * Box-Muller; a model of dimension n uses its first n entries.
 */
export function randomWeights(n = MAX_DIMENSION, seed = 7): Float32Array {
  const random = seededRandom(seed);
  const w = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const t = 2 * Math.PI * random();
    w[i] = r * Math.cos(t);
    if (i + 1 < n) w[i + 1] = r * Math.sin(t);
  }
  return w;
}

/**
 * Change of the activation w.x of a linear unit when every feature moves by eps in the worst
 * direction, eta = eps * sign(w): w.eta = eps * sum |w_i|, computed from the actual w for each
 * dimension in `dims` (ascending not required). Grows like n while max |eta_i| stays eps.
 */
export function activationChange(w: Float32Array, dims: number[], eps: number): number[] {
  const sorted = [...dims].sort((a, b) => a - b);
  const byDim = new Map<number, number>();
  let sum = 0;
  let i = 0;
  for (const n of sorted) {
    if (n > w.length)
      throw new RangeError(`Dimension ${n} exceeds the weight vector (${w.length}).`);
    for (; i < n; i++) sum += eps * Math.sign(w[i]) * w[i];
    byDim.set(n, sum);
  }
  return dims.map((n) => byDim.get(n) as number);
}

/** n points from 1 to `max`, evenly spaced on a log scale (integers, deduplicated). */
export function logSpacedDims(count: number, max = MAX_DIMENSION): number[] {
  const dims = new Set<number>();
  for (let k = 0; k < count; k++) dims.add(Math.round(max ** (k / (count - 1))));
  return [...dims];
}
