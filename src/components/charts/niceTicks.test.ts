import { describe, expect, it } from "vitest";
import { niceTicks } from "./niceTicks";

describe("niceTicks", () => {
  it("starts at 0, ends at or past max, in equal round steps", () => {
    for (const max of [0.37, 1, 3.2, 7, 12, 125, 250, 999, 1000, 4321]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      const step = ticks[1];
      // A round step: its mantissa is 1, 2, 2.5 or 5.
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
      for (const [i, t] of ticks.entries()) expect(t).toBeCloseTo(i * step, 9);
      // About the asked count, never one step past what max needs.
      expect(ticks.length - 1).toBeLessThanOrEqual(6);
      expect(ticks[ticks.length - 2]).toBeLessThan(max);
    }
  });

  it("gives the expected ticks for a typical budget", () => {
    expect(niceTicks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("falls back to [0, 1] with nothing to show", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});
