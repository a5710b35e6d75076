import { argMax } from "../../engine/topK";

/**
 * Numbers as chapter 3 prints them. Losses and gradients span many orders of magnitude
 * (1e-7 for a confident digit, 15 after a strong attack), so small ones use powers of ten.
 */

/** "4.34", "0.0123", or "1.2e-6" for values below 0.001. */
export function formatSmall(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a < 1e-3) return v.toExponential(1);
  return a >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** The same number as TeX: 1.2e-6 becomes 1.2 \times 10^{-6}. */
export function texSmall(v: number): string {
  const s = formatSmall(v);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m ? String.raw`${m[1]} \times 10^{${Number(m[2])}}` : s;
}

/** The most probable digit and its probability. */
export function topDigit(probs: ArrayLike<number>): { digit: number; p: number } {
  const digit = argMax(probs);
  return { digit, p: probs[digit] };
}

/** How many entries are +1, -1 and 0. */
export function signCounts(sign: ArrayLike<number>): { up: number; down: number; zero: number } {
  let [up, down] = [0, 0];
  for (let i = 0; i < sign.length; i++) {
    if (sign[i] > 0) up++;
    else if (sign[i] < 0) down++;
  }
  return { up, down, zero: sign.length - up - down };
}

/** Largest |value|. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
