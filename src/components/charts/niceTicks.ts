/**
 * Round tick values from 0 to at least `max`: about `count` steps of 1, 2, 2.5 or 5 times a
 * power of ten (0, 25, 50...; 0, 0.2, 0.4...). The last tick is the axis end, so it covers `max`.
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const n = Math.ceil(max / step - 1e-9);
  // Rounded to the step's decimals, so 0.1 * 3 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
}
