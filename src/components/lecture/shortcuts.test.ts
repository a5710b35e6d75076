import { describe, expect, it } from "vitest";
import { CHAPTERS } from "../../chapterList";
import { shortcutFor } from "./shortcuts";

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("keyboard shortcuts", () => {
  it("jump to chapters by number, and open the cheat sheet and lecture mode anywhere", () => {
    expect(shortcutFor(key("1"), "none", false)).toEqual({ kind: "chapter", id: CHAPTERS[0].id });
    expect(shortcutFor(key("5"), "none", false)).toEqual({ kind: "chapter", id: "training" });
    expect(shortcutFor(key("0"), "none", false)).toBeNull();
    expect(shortcutFor(key(String(CHAPTERS.length + 1)), "none", false)).toBeNull();
    expect(shortcutFor(key("?"), "none", false)).toEqual({ kind: "cheatSheet" });
    expect(shortcutFor(key("L"), "none", false)).toEqual({ kind: "lecture" });
  });

  it("leave arrows, space, P and F alone outside lecture mode", () => {
    for (const k of ["ArrowLeft", "ArrowRight", " ", "p", "f"])
      expect(shortcutFor(key(k), "none", false)).toBeNull();
    expect(shortcutFor(key("ArrowLeft"), "none", true)).toEqual({ kind: "eps", delta: -1 });
    expect(shortcutFor(key(" "), "none", true)).toEqual({ kind: "runPause" });
    expect(shortcutFor(key("F"), "none", true)).toEqual({ kind: "fullscreen" });
  });

  it("leave a focused control the keys it uses itself, and take the others", () => {
    expect(shortcutFor(key(" "), "control", true)).toBeNull();
    expect(shortcutFor(key("ArrowRight"), "control", true)).toBeNull();
    expect(shortcutFor(key("?"), "control", true)).toEqual({ kind: "cheatSheet" });
    expect(shortcutFor(key("3"), "control", false)).toEqual({
      kind: "chapter",
      id: CHAPTERS[2].id,
    });
  });

  it("never take a key typed into a field or pressed with a modifier", () => {
    expect(shortcutFor(key("1"), "typing", true)).toBeNull();
    expect(shortcutFor(key("l", { ctrlKey: true }), "none", true)).toBeNull();
    expect(shortcutFor(key("ArrowRight", { altKey: true }), "none", true)).toBeNull();
  });
});
