import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  classSynonyms,
  displayName,
  GIANT_PANDA,
  GIBBON,
  IMAGENET_CLASS_NAMES,
  searchClasses,
} from "./classNames";
import { FIXTURES } from "./testing/fixtures";

describe("ImageNet class names", () => {
  it("has the 1000 standard names; the fixture list is the same, with 21 long names cut", () => {
    // The fixture JSON lost the second half of names the package splits over two lines
    // ('...Carcharodon ' + 'carcharias'); display names and order are identical.
    const fixture: string[] = JSON.parse(
      readFileSync(path.join(FIXTURES, "models/imagenet_classes.json"), "utf8"),
    );
    expect(IMAGENET_CLASS_NAMES).toHaveLength(1000);
    expect(IMAGENET_CLASS_NAMES.every((name, i) => name.startsWith(fixture[i]))).toBe(true);
    expect(IMAGENET_CLASS_NAMES.map((_, i) => displayName(i))).toEqual(
      fixture.map((name) => name.split(",")[0].trim()),
    );
    expect(IMAGENET_CLASS_NAMES[2]).toBe(
      "great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias",
    );
  });

  it("knows the panda and the gibbon", () => {
    expect(displayName(GIANT_PANDA)).toBe("giant panda");
    expect(displayName(GIBBON)).toBe("gibbon");
    expect(classSynonyms(GIBBON)).toEqual(["gibbon", "Hylobates lar"]);
    expect(displayName(0)).toBe("tench");
    expect(() => displayName(1000)).toThrow(RangeError);
  });

  it("searches synonyms case-insensitively, prefix matches first", () => {
    const panda = searchClasses("PANDA", 5);
    expect(panda.map((m) => m.index)).toEqual([387, 388]);
    expect(panda[1]).toEqual({ index: 388, name: "giant panda", matched: "panda" });
    expect(searchClasses("gibb", 3)[0].index).toBe(GIBBON);
    expect(searchClasses("Ailuropoda", 3).map((m) => m.index)).toEqual([GIANT_PANDA]);
    const cat = searchClasses("cat", 50);
    const tiers = cat.map((m) => m.matched.toLowerCase());
    const firstWordMatch = tiers.findIndex((s) => !s.startsWith("cat"));
    expect(tiers.slice(firstWordMatch).every((s) => !s.startsWith("cat"))).toBe(true);
    expect(cat.some((m) => m.index === 285)).toBe(true);
    expect(searchClasses("cat", 3)).toHaveLength(3);
    expect(searchClasses("  ", 3)).toEqual([]);
    expect(searchClasses("zzzz", 3)).toEqual([]);
  });
});
