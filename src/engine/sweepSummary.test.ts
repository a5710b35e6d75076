import { describe, expect, it } from "vitest";
import { flipLevel, nextLevels, rivalClass } from "./sweepSummary";
import { argMax, topK } from "./topK";

// Probabilities over three classes at eps levels 0..3: class 0 fades, class 2 takes over at level 2.
const sweep = [
  [0.9, 0.05, 0.05],
  [0.6, 0.1, 0.3],
  [0.3, 0.1, 0.6],
  [0.1, 0.2, 0.7],
];

describe("sweep summary", () => {
  it("finds the first level where an untargeted attack changes the answer", () => {
    expect(flipLevel(sweep, 0, null)).toBe(2);
    expect(flipLevel(sweep.slice(0, 2), 0, null)).toBeNull();
  });

  it("finds the first level where a targeted attack reaches its target", () => {
    expect(flipLevel(sweep, 0, 2)).toBe(2);
    expect(flipLevel(sweep, 0, 1)).toBeNull();
  });

  it("follows the target, else what the strongest perturbation turns the image into", () => {
    expect(rivalClass(sweep, 0, 1)).toBe(1);
    expect(rivalClass(sweep, 0, null)).toBe(2);
    expect(rivalClass([[1, 0, 0]], 0, null)).toBeNull();
  });

  it("does not name a flip while a level below it is still unknown", () => {
    const gap = [sweep[0], null, sweep[2], sweep[3]];
    expect(flipLevel(gap, 0, null)).toBeNull();
    expect(flipLevel([sweep[0], sweep[1], sweep[2], null], 0, null)).toBe(2);
    expect(rivalClass([sweep[0], sweep[1], null, null], 0, null)).toBeNull();
    expect(rivalClass([null, null, sweep[2], null], 0, null)).toBe(2);
  });

  it("fills the levels nearest the slider first, lower level on a tie", () => {
    const known = [1, 0, 0, 1, 0, 0, 0].map((v) => (v ? [1] : null));
    expect(nextLevels(known, 3, 10)).toEqual([2, 4, 1, 5, 6]);
    expect(nextLevels(known, 6, 2)).toEqual([6, 5]);
    expect(
      nextLevels(
        known.map(() => [1]),
        3,
        4,
      ),
    ).toEqual([]);
  });
});

describe("topK", () => {
  it("returns the k most probable classes, best first", () => {
    expect(topK([0.1, 0.5, 0.2, 0.15, 0.05], 3).map((s) => s.classIndex)).toEqual([1, 2, 3]);
    expect(argMax([0.1, 0.5, 0.2])).toBe(1);
  });
});
