import { displayName } from "../engine/models/classNames";
import type { ClassScore } from "../engine/types";

/** A share as a whole percent, "23%" (axis ticks, where digits would crowd). */
export const formatWholePercent = (v: number) => `${Math.round(v * 100)}%`;

/** "57.7%" */
export function formatPercent(p: number): string {
  return p >= 0.9995 || p < 0.001 ? `${(p * 100).toFixed(2)}%` : `${(p * 100).toFixed(1)}%`;
}

/** eps shown both ways: "4/255 ≈ 0.0157" */
export function formatEpsilon(level: number): string {
  return `${level}/255 ≈ ${(level / 255).toFixed(4)}`;
}

/** "giant panda 99.95%": a class and its probability, as every view writes it. */
export function formatScore(score: ClassScore): string {
  return `${displayName(score.classIndex)} ${formatPercent(score.probability)}`;
}

/**
 * A number in plain decimals, never in powers of ten, with three significant digits: "4.34",
 * "0.0123", "0.000523", "8,406". Below `floor` (0.0001 by default) it says so: "< 0.0001".
 */
export function formatDecimal(v: number, floor = 1e-4): string {
  const a = Math.abs(v);
  if (a === 0) return "0";
  if (a < floor) {
    const limit = floor.toFixed(Math.max(0, -Math.floor(Math.log10(floor))));
    return v < 0 ? `> −${limit}` : `< ${limit}`;
  }
  if (a >= 100) return Math.round(v).toLocaleString("en");
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(a)));
  return v.toFixed(decimals);
}
