/**
 * Parameter validation and epsilon unit conversions shared by every attack.
 * Errors are `RangeError`s with messages meant to be shown to a human as-is.
 */

/** Largest epsilon the UI offers, in 8-bit grey levels (32/255 ~ 0.125). */
export const MAX_EPSILON_LEVELS = 32;

/**
 * Throws a `RangeError` unless `eps` is a finite number in [0, 1]
 * (images live in [0,1], so a larger L-inf budget is meaningless).
 */
export function assertEpsilon(eps: number): void {
  if (typeof eps !== "number" || !Number.isFinite(eps)) {
    throw new RangeError(`Epsilon must be a finite number, got ${String(eps)}.`);
  }
  if (eps < 0) throw new RangeError(`Epsilon must be >= 0, got ${eps}.`);
  if (eps > 1) throw new RangeError(`Epsilon must be <= 1 (pixels are in [0,1]), got ${eps}.`);
}

/** Throws a `RangeError` unless `steps` is an integer >= 1. */
export function assertSteps(steps: number): void {
  if (typeof steps !== "number" || !Number.isInteger(steps)) {
    throw new RangeError(`The number of steps must be a whole number, got ${String(steps)}.`);
  }
  if (steps < 1) throw new RangeError(`The number of steps must be at least 1, got ${steps}.`);
}

/** Throws a `RangeError` unless the step size `alpha` is finite and > 0. */
export function assertStepSize(alpha: number): void {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
    throw new RangeError(`The step size must be a finite number, got ${String(alpha)}.`);
  }
  if (alpha <= 0) throw new RangeError(`The step size must be > 0, got ${alpha}.`);
}

/** Epsilon in [0,1] units for a budget of `k` 8-bit grey levels: k / 255. */
export function epsilonFromLevels(k: number): number {
  return k / 255;
}

/**
 * Epsilon expressed in 8-bit grey levels: eps * 255. Not rounded (eps = 0.03 is 7.65
 * levels), except that values within 1e-9 of an integer snap to it, so
 * `levelsFromEpsilon(epsilonFromLevels(k)) === k`.
 */
export function levelsFromEpsilon(eps: number): number {
  const levels = eps * 255;
  const nearest = Math.round(levels);
  return Math.abs(levels - nearest) < 1e-9 ? nearest : levels;
}
