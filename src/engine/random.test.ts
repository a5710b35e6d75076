import { describe, expect, it } from "vitest";
import { streamSeed } from "./random";

describe("streamSeed", () => {
  it("is a positive safe integer, the same each time, and distinct for every place", () => {
    const seen = new Set<number>();
    let valid = true;
    for (let digit = 0; digit < 500; digit++)
      for (let batch = 0; batch < 400; batch++) {
        const s = streamSeed(7, digit, batch);
        valid &&= Number.isSafeInteger(s) && s >= 1;
        seen.add(s);
      }
    expect(valid).toBe(true);
    expect(seen.size).toBe(500 * 400);
    expect(streamSeed(7, 3, 2)).toBe(streamSeed(7, 3, 2));
    // The old scheme's clash: digit i's batch b and digit i + 1's batch b - 1.
    expect(streamSeed(7, 4, 1)).not.toBe(streamSeed(7, 5, 0));
    expect(streamSeed(7, 4)).not.toBe(streamSeed(8, 4));
  });
});
