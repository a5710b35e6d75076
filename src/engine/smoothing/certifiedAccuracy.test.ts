import { describe, expect, it } from "vitest";
import { certifiedAccuracy, certifiedAccuracyCurve } from "./certifiedAccuracy";

const digits = [
  { label: 1, prediction: 1, radius: 0.9 },
  { label: 2, prediction: 2, radius: 0.3 },
  { label: 3, prediction: 5, radius: 1.2 }, // certified, but wrong
  { label: 4, prediction: null, radius: null }, // abstained
];

describe("certified accuracy", () => {
  it("counts right answers certified at least as far as r; wrong or abstaining ones never", () => {
    expect(certifiedAccuracy(digits, 0)).toBe(0.5);
    expect(certifiedAccuracy(digits, 0.3)).toBe(0.5);
    expect(certifiedAccuracy(digits, 0.31)).toBe(0.25);
    expect(certifiedAccuracy(digits, 1)).toBe(0);
    expect(certifiedAccuracy([], 0)).toBe(0);
  });

  it("draws the curve on a grid of radii, never rising", () => {
    const curve = certifiedAccuracyCurve(digits, 1, 0.25);
    expect(curve.map((p) => p.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(curve.map((p) => p.y)).toEqual([0.5, 0.5, 0.25, 0.25, 0]);
  });
});
