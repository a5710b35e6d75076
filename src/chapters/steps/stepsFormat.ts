import { formatDecimal } from "../../components/format";
import { argMax } from "../../engine/topK";

/**
 * Numbers as chapter 3 prints them: losses and gradients span many orders of magnitude (1e-7
 * for a confident digit, 15 after a strong attack), so they are plain decimals down to 0.0001
 * and "< 0.0001" below (formatDecimal).
 */

/** The value as the end of "L ...": "= 4.34", or "< 0.0001" when it is too small to print. */
export function relationTo(v: number): string {
  const s = formatDecimal(v);
  return /^[<>]/.test(s) ? s : `= ${s}`;
}

/** The same in TeX: "= 8{,}406". */
export const texRelation = (v: number): string => relationTo(v).replace(/,/g, "{,}");

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
