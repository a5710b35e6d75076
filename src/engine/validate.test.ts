import { describe, expect, it } from "vitest";
import { bool, clamp, clampInt, fields, finite, ifValid, oneOf, wrap } from "./validate";

const BAD = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "3", null, undefined];

describe("validate", () => {
  it("turns away what is not a finite number", () => {
    for (const x of BAD) {
      expect(finite(x)).toBeUndefined();
      expect(clamp(x, 0, 1)).toBeUndefined();
      expect(clampInt(x, 0, 9)).toBeUndefined();
      expect(wrap(x, 10)).toBeUndefined();
    }
  });
  it("clamps, rounds and wraps", () => {
    expect([clamp(-1, 0, 1), clamp(0.25, 0, 1), clamp(1e12, 0, 1)]).toEqual([0, 0.25, 1]);
    expect([clampInt(2.6, 1, 9), clampInt(-4, 1, 9), clampInt(1e12, 1, 9)]).toEqual([3, 1, 9]);
    expect([wrap(-1, 2000), wrap(2002, 2000), wrap(7, 2000)]).toEqual([1999, 2, 7]);
    expect(wrap(7.4, 2000)).toBeUndefined();
  });
  it("keeps only the choices offered", () => {
    expect(oneOf(50, [50, 100] as const)).toBe(50);
    expect(oneOf(51, [50, 100] as const)).toBeUndefined();
    expect(oneOf(Number.NaN, [Number.NaN])).toBeUndefined();
  });

  it("keeps the valid fields of a patch, and hands on only what passed", () => {
    const patch = { a: 2.6, b: "x", c: true, d: 1 } as Record<string, unknown>;
    const valid = { a: (x: unknown) => clampInt(x, 0, 2), b: bool, c: bool };
    expect(fields(patch, valid)).toEqual({ a: 2, c: true });
    expect(fields(Number.NaN as never, valid)).toEqual({});
    const seen: number[] = [];
    ifValid(oneOf(3, [1, 3]), (v) => seen.push(v));
    ifValid(oneOf(2, [1, 3]), (v) => seen.push(v));
    expect(seen).toEqual([3]);
  });
});
