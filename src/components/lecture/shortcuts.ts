import { CHAPTERS } from "../../chapterList";

/** What a key does; `lecture` ones act only in lecture mode (elsewhere they keep their usual job). */
export type ShortcutAction =
  | { kind: "eps"; delta: number }
  | { kind: "runPause" }
  | { kind: "chapter"; id: string }
  | { kind: "cheatSheet" }
  | { kind: "lecture" }
  | { kind: "prose" }
  | { kind: "fullscreen" };

/** The shortcuts, one table: the cheat sheet and the README list these. */
export const SHORTCUTS: readonly { keys: string; does: string; lectureOnly: boolean }[] = [
  { keys: "?", does: "show or hide this cheat sheet", lectureOnly: false },
  { keys: "L", does: "lecture mode on or off (large type, high contrast)", lectureOnly: false },
  { keys: `1 – ${CHAPTERS.length}`, does: "jump to that chapter", lectureOnly: false },
  { keys: "← →", does: "chapter 1's ε down or up one grey level", lectureOnly: true },
  { keys: "Space", does: "start, pause or resume chapter 5's training run", lectureOnly: true },
  { keys: "P", does: "hide or show the prose (presenter view)", lectureOnly: true },
  { keys: "F", does: "full screen on or off", lectureOnly: true },
];

/** Where the key goes: a field that takes text, another control, or nothing in particular. */
export type FocusKind = "typing" | "control" | "none";

/** The keys a focused control (button, link, slider, checkbox, scroller) uses itself. */
const CONTROL_KEYS = new Set([" ", "Enter", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

/**
 * The action of a key press, or null. Keys typed into a field, pressed with a modifier, or that
 * a focused control uses itself are never shortcuts; arrows, space, P and F act only in lecture
 * mode.
 */
export function shortcutFor(
  e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">,
  focus: FocusKind,
  lecture: boolean,
): ShortcutAction | null {
  if (focus === "typing" || e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (focus === "control" && CONTROL_KEYS.has(key)) return null;
  if (key === "?") return { kind: "cheatSheet" };
  if (key === "l") return { kind: "lecture" };
  const n = Number.parseInt(key, 10);
  if (key.length === 1 && n >= 1 && n <= CHAPTERS.length)
    return { kind: "chapter", id: CHAPTERS[n - 1].id };
  if (!lecture) return null;
  if (key === "ArrowLeft") return { kind: "eps", delta: -1 };
  if (key === "ArrowRight") return { kind: "eps", delta: 1 };
  if (key === " ") return { kind: "runPause" };
  if (key === "p") return { kind: "prose" };
  if (key === "f") return { kind: "fullscreen" };
  return null;
}

/** What kind of element a key press goes to (see `shortcutFor`). */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return "none";
  if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) return "typing";
  if (target instanceof HTMLInputElement)
    return /^(checkbox|radio|range|button|submit|reset|color|file)$/.test(target.type)
      ? "control"
      : "typing";
  const control = /^(BUTTON|A|SUMMARY)$/.test(target.tagName) || target.tabIndex >= 0;
  return control ? "control" : "none";
}
