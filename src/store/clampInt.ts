/** `x` rounded into [min, max]; `fallback` if it is not a finite number (store actions' own check). */
export const clampInt = <F>(x: number, min: number, max: number, fallback: F): number | F =>
  Number.isFinite(x) ? Math.max(min, Math.min(max, Math.round(x))) : fallback;
