/** Digit indices as the digits worker's jobs ask for them. */

/** start, start + 1, ..., start + n - 1. */
export const range = (start: number, n: number) =>
  Int32Array.from({ length: n }, (_, i) => start + i);

/** Index i (any integer) wrapped into 0..n-1, so every digit asked for exists. */
export const wrap = (i: number, n: number) => ((Math.round(i) % n) + n) % n;
