import { CHAPTERS } from "../../chapters/chapterList";

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

/**
 * The action of a key press, or null. Keys typed into a field or pressed with a modifier are
 * never shortcuts; arrows, space, P and F act only in lecture mode.
 */
export function shortcutFor(
  e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">,
  inField: boolean,
  lecture: boolean,
): ShortcutAction | null {
  if (inField || e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
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

/** True when the key goes to a control that needs it (a field, a slider, a menu, a button). */
export function isInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    /^(INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY|A)$/.test(target.tagName) ||
    target.getAttribute("role") === "region"
  );
}
