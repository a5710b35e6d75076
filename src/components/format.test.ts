import { describe, expect, it } from "vitest";
import { formatDecimal } from "./format";

describe("formatDecimal", () => {
  it("writes plain decimals with three significant digits", () => {
    expect(formatDecimal(4.3412)).toBe("4.34");
    expect(formatDecimal(0.012345)).toBe("0.0123");
    expect(formatDecimal(0.00052341)).toBe("0.000523");
    expect(formatDecimal(12.34)).toBe("12.3");
    expect(formatDecimal(8406.2)).toBe("8,406");
    expect(formatDecimal(0)).toBe("0");
  });
  it("says when a value is below what it prints", () => {
    expect(formatDecimal(3e-7)).toBe("< 0.0001");
    expect(formatDecimal(-3e-7)).toBe("> −0.0001");
    expect(formatDecimal(5e-4, 1e-3)).toBe("< 0.001");
  });
});
