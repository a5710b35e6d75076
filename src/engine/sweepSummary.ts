import { argMax } from "./topK";

/**
 * First epsilon level at which the attack has succeeded: the prediction is no
 * longer `original` (untargeted) or has become `target` (targeted). null if never.
 */
export function flipLevel(
  probsPerLevel: ArrayLike<number>[],
  original: number,
  target: number | null,
): number | null {
  for (let k = 0; k < probsPerLevel.length; k++) {
    const top = argMax(probsPerLevel[k]);
    if (target === null ? top !== original : top === target) return k;
  }
  return null;
}

/**
 * The "adversarial" class to follow across the sweep: the target if there is
 * one, else what the strongest perturbation in the sweep turns the image into.
 */
export function rivalClass(
  probsPerLevel: ArrayLike<number>[],
  original: number,
  target: number | null,
): number | null {
  if (target !== null) return target;
  for (let k = probsPerLevel.length - 1; k >= 0; k--) {
    const top = argMax(probsPerLevel[k]);
    if (top !== original) return top;
  }
  return null;
}
