import { displayName } from "../engine/models/classNames";
import type { ClassScore } from "../engine/types";

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
