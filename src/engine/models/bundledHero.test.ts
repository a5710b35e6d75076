/**
 * The hero ships with the app: the bundled MobileNet v1 0.25 and panda photo must stay
 * byte-identical to the reviewed fixtures (a formatter run over public/ would silently break them).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIRS, FIXTURES, spec } from "./testing/fixtures";

const PUBLIC = path.resolve(import.meta.dirname, "../../../public");
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("bundled hero", () => {
  it("serves MobileNet v1 0.25 from the app's own origin, byte-identical to the fixture", () => {
    const hero = spec("mobilenet_v1_025");
    expect(hero.bundled).toBe(true);
    expect(hero.url).not.toMatch(/^[a-z]+:/i);
    const fixture = FIXTURE_DIRS.mobilenet_v1_025;
    for (const name of readdirSync(fixture)) {
      expect(sha256(path.join(PUBLIC, hero.url, name)), name).toBe(
        sha256(path.join(fixture, name)),
      );
    }
  });

  it("keeps the model's licence beside it", () => {
    const licence = readFileSync(path.join(PUBLIC, "models/mobilenet_v1_025/LICENSE"), "utf8");
    expect(licence).toMatch(/Apache License\s+Version 2\.0/);
  });

  it("ships the panda photo unmodified", () => {
    expect(sha256(path.join(PUBLIC, "gallery/giant_panda.jpg"))).toBe(
      sha256(path.join(FIXTURES, "images/giant_panda.jpg")),
    );
  });
});
