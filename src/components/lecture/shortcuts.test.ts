import { describe, expect, it } from "vitest";
import { CHAPTERS } from "../../chapters/chapterList";
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
    expect(shortcutFor(key("1"), false, false)).toEqual({ kind: "chapter", id: CHAPTERS[0].id });
    expect(shortcutFor(key("5"), false, false)).toEqual({ kind: "chapter", id: "training" });
    expect(shortcutFor(key("0"), false, false)).toBeNull();
    expect(shortcutFor(key(String(CHAPTERS.length + 1)), false, false)).toBeNull();
    expect(shortcutFor(key("?"), false, false)).toEqual({ kind: "cheatSheet" });
    expect(shortcutFor(key("L"), false, false)).toEqual({ kind: "lecture" });
  });

  it("leave arrows, space, P and F alone outside lecture mode", () => {
    for (const k of ["ArrowLeft", "ArrowRight", " ", "p", "f"])
      expect(shortcutFor(key(k), false, false)).toBeNull();
    expect(shortcutFor(key("ArrowLeft"), false, true)).toEqual({ kind: "eps", delta: -1 });
    expect(shortcutFor(key(" "), false, true)).toEqual({ kind: "runPause" });
    expect(shortcutFor(key("F"), false, true)).toEqual({ kind: "fullscreen" });
  });

  it("never take a key typed into a field or pressed with a modifier", () => {
    expect(shortcutFor(key("1"), true, true)).toBeNull();
    expect(shortcutFor(key("l", { ctrlKey: true }), false, true)).toBeNull();
    expect(shortcutFor(key("ArrowRight", { altKey: true }), false, true)).toBeNull();
  });
});
