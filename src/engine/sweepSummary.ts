import { argMax } from "./topK";

/**
 * Probabilities per epsilon level (index = level). A level not computed yet is null: chapter 1
 * fills its sweep out of order, nearest the slider first.
 */
export type SparseSweep = readonly (ArrayLike<number> | null | undefined)[];

/**
 * First epsilon level at which the attack has succeeded: the prediction is no longer
 * `original` (untargeted) or has become `target` (targeted). null if it never does, or if a
 * level below the first success is not known yet (the true first flip could be there).
 */
export function flipLevel(
  probsPerLevel: SparseSweep,
  original: number,
  target: number | null,
): number | null {
  for (let k = 0; k < probsPerLevel.length; k++) {
    const probs = probsPerLevel[k];
    if (!probs) return null;
    const top = argMax(probs);
    if (target === null ? top !== original : top === target) return k;
  }
  return null;
}

/**
 * The "adversarial" class to follow across the sweep: the target if there is one, else what
 * the strongest perturbation computed so far turns the image into.
 */
export function rivalClass(
  probsPerLevel: SparseSweep,
  original: number,
  target: number | null,
): number | null {
  if (target !== null) return target;
  for (let k = probsPerLevel.length - 1; k >= 0; k--) {
    const probs = probsPerLevel[k];
    if (!probs) continue;
    const top = argMax(probs);
    if (top !== original) return top;
  }
  return null;
}

/**
 * Up to `count` levels still missing from the sweep, nearest to `current` first (ties: the
 * lower level first), so the levels a reader is about to drag to are ready soonest.
 */
export function nextLevels(probsPerLevel: SparseSweep, current: number, count: number): number[] {
  const missing: number[] = [];
  for (let k = 0; k < probsPerLevel.length; k++) if (!probsPerLevel[k]) missing.push(k);
  missing.sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
  return missing.slice(0, count);
}
