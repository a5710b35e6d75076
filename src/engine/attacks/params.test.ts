import { describe, expect, it } from "vitest";
import {
  assertEpsilon,
  assertStepSize,
  assertSteps,
  epsilonFromLevels,
  levelsFromEpsilon,
  MAX_EPSILON_LEVELS,
} from "./params";

describe("params", () => {
  it("accepts valid values", () => {
    for (const e of [0, 1 / 255, 0.5, 1]) expect(() => assertEpsilon(e)).not.toThrow();
    for (const s of [1, 2, 40]) expect(() => assertSteps(s)).not.toThrow();
    for (const a of [1e-6, 0.01, 3]) expect(() => assertStepSize(a)).not.toThrow();
  });

  it("rejects invalid epsilons with RangeError", () => {
    for (const e of [-0.01, Number.NaN, Number.POSITIVE_INFINITY, 1.01]) {
      expect(() => assertEpsilon(e)).toThrow(RangeError);
    }
    expect(() => assertEpsilon(-1)).toThrow(/>= 0/);
  });

  it("rejects invalid steps and step sizes", () => {
    for (const s of [0, -1, 1.5, Number.NaN]) expect(() => assertSteps(s)).toThrow(RangeError);
    for (const a of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => assertStepSize(a)).toThrow(RangeError);
    }
  });

  it("converts between levels and epsilon", () => {
    expect(epsilonFromLevels(8)).toBe(8 / 255);
    for (let k = 0; k <= MAX_EPSILON_LEVELS; k++) {
      expect(levelsFromEpsilon(epsilonFromLevels(k))).toBe(k);
    }
    expect(levelsFromEpsilon(0.03)).toBeCloseTo(7.65, 10);
    expect(MAX_EPSILON_LEVELS).toBe(32);
  });
});
