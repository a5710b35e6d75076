import { useMemo, useState } from "react";
import { displayName, GIBBON, searchClasses } from "../../engine/models/classNames";
import { selectActions, useLab } from "../../store";
import { selectTargetClass } from "../../store/selectors";

/** Targets offered before the reader types: a few classes far from a panda (standard indices). */
const SUGGESTED = [368, 859, 9, 1, 779, 954, 980, 812];
const ROWS = 6;

/** Untargeted, or a target class: one click for gibbon, a search for the other 999. */
export function TargetPicker() {
  const targetClass = useLab(selectTargetClass);
  const actions = useLab(selectActions);
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const found = query.trim() ? searchClasses(query, 50).map((m) => m.index) : SUGGESTED;
    // Keep the current target in the list so the box never shows a blank selection.
    return targetClass === null || found.includes(targetClass) ? found : [targetClass, ...found];
  }, [query, targetClass]);
  const setTarget = (c: number | null) => actions.updateSettings({ targetClass: c });
  return (
    <fieldset className="target-picker">
      <legend className="field-label">Goal</legend>
      <div className="segmented">
        <button type="button" aria-pressed={targetClass === null} onClick={() => setTarget(null)}>
          Untargeted
        </button>
        <button
          type="button"
          aria-pressed={targetClass === GIBBON}
          onClick={() => setTarget(GIBBON)}
        >
          Target: gibbon
        </button>
      </div>
      <label className="field">
        Or another target{" "}
        <input
          type="search"
          placeholder="search 1,000 classes…"
          aria-label="Search target class"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {matches.length > 0 ? (
        <select
          aria-label="Target class"
          size={Math.min(ROWS, matches.length + 1)}
          value={targetClass === null ? "" : String(targetClass)}
          onChange={(e) => setTarget(e.target.value === "" ? null : Number(e.target.value))}
        >
          <option value="">none (untargeted)</option>
          {matches.map((i) => (
            <option key={i} value={i}>
              {displayName(i)}
            </option>
          ))}
        </select>
      ) : (
        <p className="muted">No ImageNet class matches “{query.trim()}”.</p>
      )}
    </fieldset>
  );
}
