import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayName, GIANT_PANDA, GIBBON } from "./classNames";
import { DARKNET_INDEX_OF_STANDARD, standardOrderGather } from "./classOrder";
import { FIXTURES } from "./testing/fixtures";

const darknetNames: string[] = JSON.parse(
  readFileSync(path.join(FIXTURES, "models/darknet_tiny/classes.json"), "utf8"),
);

describe("Darknet -> standard class order", () => {
  it("is a permutation of 0..999", () => {
    expect(DARKNET_INDEX_OF_STANDARD).toHaveLength(1000);
    expect([...DARKNET_INDEX_OF_STANDARD].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  it("maps the fixture's panda (168) and gibbon (184)", () => {
    expect(DARKNET_INDEX_OF_STANDARD[GIANT_PANDA]).toBe(168);
    expect(DARKNET_INDEX_OF_STANDARD[GIBBON]).toBe(184);
  });

  it("agrees with the names except the five resolved by WordNet id", () => {
    const exceptions = new Map([
      [107, "jellyfish"], // standard "jelly fish"
    ]);
    DARKNET_INDEX_OF_STANDARD.forEach((d, s) => {
      expect(darknetNames[d]).toBe(exceptions.get(s) ?? displayName(s));
    });
    // The duplicated names go to the classes their WordNet ids name.
    expect(DARKNET_INDEX_OF_STANDARD[134]).toBe(428); // crane, the bird
    expect(DARKNET_INDEX_OF_STANDARD[517]).toBe(544); // crane, the machine
    expect(DARKNET_INDEX_OF_STANDARD[638]).toBe(781); // maillot
    expect(DARKNET_INDEX_OF_STANDARD[639]).toBe(976); // maillot, tank suit
  });

  it("is applied only to darknet-ordered models", () => {
    expect(standardOrderGather(undefined)).toBeNull();
    expect(standardOrderGather("standard")).toBeNull();
    expect(standardOrderGather("darknet")).toBe(DARKNET_INDEX_OF_STANDARD);
  });
});
