/** One certified test digit: its label, the smoothed class (null: abstain) and the radius. */
export interface CertifiedDigit {
  label: number;
  prediction: number | null;
  radius: number | null;
}

/**
 * Certified accuracy at radius r (Cohen et al.'s measure): the share of digits whose smoothed
 * class is right and certified at a radius of at least r. An abstention never counts.
 */
export function certifiedAccuracy(digits: readonly CertifiedDigit[], r: number): number {
  if (digits.length === 0) return 0;
  const held = digits.filter(
    (d) => d.prediction !== null && d.prediction === d.label && (d.radius ?? 0) >= r,
  );
  return held.length / digits.length;
}

/** Certified accuracy at radii 0, step, 2 step, ... up to `end`, as chart points. */
export function certifiedAccuracyCurve(
  digits: readonly CertifiedDigit[],
  end: number,
  step: number,
): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let k = 0; k * step <= end + 1e-9; k++) {
    const r = k * step;
    points.push({ x: r, y: certifiedAccuracy(digits, r) });
  }
  return points;
}
