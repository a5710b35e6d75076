/**
 * Checks for values arriving from outside the code's control (a view, an opened link, a test).
 * Each returns the valid value, or undefined when there is none, so a setter keeps its state.
 */

/** `x` if it is a finite number. */
export const finite = (x: unknown): number | undefined =>
  typeof x === "number" && Number.isFinite(x) ? x : undefined;

/** `x` clamped into [min, max]; undefined if it is not a finite number. */
export function clamp(x: unknown, min: number, max: number): number | undefined {
  const v = finite(x);
  return v === undefined ? undefined : Math.max(min, Math.min(max, v));
}

/** `x` rounded, then clamped into [min, max]; undefined if it is not a finite number. */
export function clampInt(x: unknown, min: number, max: number): number | undefined {
  const v = finite(x);
  return v === undefined ? undefined : Math.max(min, Math.min(max, Math.round(v)));
}

/** Index `x` (any whole number) wrapped into 0..count-1; undefined if it is not whole. */
export const wrap = (x: unknown, count: number): number | undefined =>
  Number.isInteger(x) ? (((x as number) % count) + count) % count : undefined;

/** `x` if it is one of `choices` (compared with ===). */
export const oneOf = <T>(x: unknown, choices: readonly T[]): T | undefined =>
  choices.find((c) => c === x);

/** `x` if it is a boolean. */
export const bool = (x: unknown): boolean | undefined => (typeof x === "boolean" ? x : undefined);

/** The fields of `patch` that their check in `valid` accepts (as it returns them); the rest dropped. */
export function fields<T extends object>(
  patch: Partial<T>,
  valid: { [K in keyof T]: (x: unknown) => T[K] | undefined },
): Partial<T> {
  const out: Partial<T> = {};
  if (typeof patch !== "object" || patch === null) return out;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const v = Object.hasOwn(valid, key) ? valid[key](patch[key]) : undefined;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Hands `value` to `use` if a check passed (it is defined): `ifValid(oneOf(x, N), (n) => set({ n }))`. */
export function ifValid<T>(value: T | undefined, use: (value: T) => void): void {
  if (value !== undefined) use(value);
}
