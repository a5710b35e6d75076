import type { ClassScore } from "./types";

/** The k most probable classes, most probable first. Plain arrays, no tensors. */
export function topK(probs: ArrayLike<number>, k: number): ClassScore[] {
  const best: ClassScore[] = [];
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (best.length < k || p > best[best.length - 1].probability) {
      best.push({ classIndex: i, probability: p });
      best.sort((a, b) => b.probability - a.probability);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** Index of the most probable class. */
export function argMax(probs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  return best;
}
