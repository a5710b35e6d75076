import "./lecture.css";
import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { labStore } from "../../store";
import { type LectureState, lectureStore } from "../../store/lecture";
import { focusKind, SHORTCUTS, type ShortcutAction, shortcutFor } from "./shortcuts";

const select = (s: LectureState) => s;

/** Starts, pauses or resumes chapter 5's training (its store is fetched with its chapter). */
async function runOrPause(): Promise<void> {
  const { trainingStore } = await import("../../store/training");
  const { phase, actions } = trainingStore.getState();
  if (phase === "running") actions.pause();
  else if (phase === "paused") actions.resume();
  else if (phase !== "starting" && phase !== "pausing") actions.start();
}

/** Whether the page may go full screen itself (Safari on iPhone lets only videos do it). */
const canFullscreen = () => document.fullscreenEnabled === true;

function toggleFullscreen(): void {
  if (!canFullscreen()) return;
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

/** What each kind of shortcut does. */
const PERFORM: {
  [K in ShortcutAction["kind"]]: (a: Extract<ShortcutAction, { kind: K }>) => void;
} = {
  cheatSheet: () => {
    const { cheatSheet, setCheatSheet } = lectureStore.getState();
    setCheatSheet(!cheatSheet);
  },
  lecture: () => lectureStore.getState().toggle(),
  prose: () => lectureStore.getState().toggleProse(),
  fullscreen: toggleFullscreen,
  chapter: ({ id }) => {
    window.location.hash = `#${id}`;
  },
  eps: ({ delta }) => {
    const { settings, actions } = labStore.getState();
    actions.setEpsLevel(settings.epsLevel + delta); // the store keeps it within 0..32
  },
  runPause: () => void runOrPause(),
};

/** Carries out one shortcut. */
const perform = (action: ShortcutAction) =>
  (PERFORM[action.kind] as (a: ShortcutAction) => void)(action);

/** The shortcuts, as the `?` key shows them. */
function CheatSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="cheat-sheet" aria-labelledby="cheat-sheet-title" onClose={onClose}>
      <h2 id="cheat-sheet-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>
                {s.does}
                {s.lectureOnly ? " (lecture mode)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Shortcuts never act while you type in a field, and leave a focused button, link or slider
        the keys it uses itself (Space, Enter, arrows).
      </p>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}

/**
 * Lecture mode's switch and the page's keyboard shortcuts: large type and high contrast for a
 * projector, the prose hidden on request, chapter jumps by number, ε on the arrows, space for
 * the training run, and a cheat sheet on `?`.
 */
export function LectureControls() {
  const { on, hideProse, cheatSheet, toggle, toggleProse, setCheatSheet } = useStore(
    lectureStore,
    select,
  );
  useEffect(() => {
    document.documentElement.classList.toggle("lecture", on);
    document.documentElement.classList.toggle("hide-prose", on && hideProse);
  }, [on, hideProse]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e, focusKind(e.target), lectureStore.getState().on);
      if (!action) return;
      e.preventDefault();
      perform(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="button secondary lecture-toggle"
        aria-pressed={on}
        onClick={toggle}
        title="Large type and high contrast for a projector (L); ? lists the shortcuts"
      >
        Lecture mode
      </button>
      {on && (
        <>
          <button
            type="button"
            className="button secondary"
            aria-pressed={hideProse}
            onClick={toggleProse}
            title="P"
          >
            Hide prose
          </button>
          {canFullscreen() ? (
            <button type="button" className="button secondary" onClick={toggleFullscreen} title="F">
              Full screen
            </button>
          ) : (
            <span className="hint">Full screen: from the browser's own menu</span>
          )}
        </>
      )}
      <CheatSheet open={cheatSheet} onClose={() => setCheatSheet(false)} />
    </>
  );
}
