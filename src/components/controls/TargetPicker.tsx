import { useMemo, useState } from "react";
import {
  displayName,
  GIBBON,
  IMAGENET_CLASS_NAMES,
  searchClasses,
} from "../../engine/models/classNames";
import { selectActions, useLab } from "../../store";
import { selectTargetClass } from "../../store/selectors";

const ALL = IMAGENET_CLASS_NAMES.map((_, i) => i);

/** Untargeted, or a target class: one click for gibbon, a search for the other 999. */
export function TargetPicker() {
  const targetClass = useLab(selectTargetClass);
  const actions = useLab(selectActions);
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const found = query.trim() ? searchClasses(query, 50).map((m) => m.index) : ALL;
    // Keep the current target in the list so the box never shows a blank selection.
    return targetClass === null || found.includes(targetClass) ? found : [targetClass, ...found];
  }, [query, targetClass]);
  const setTarget = (c: number | null) => actions.updateSettings({ targetClass: c });
  return (
    <fieldset className="target-picker">
      <legend>Goal</legend>
      <div className="segmented">
        <button type="button" aria-pressed={targetClass === null} onClick={() => setTarget(null)}>
          Any wrong answer
        </button>
        <button
          type="button"
          aria-pressed={targetClass === GIBBON}
          onClick={() => setTarget(GIBBON)}
        >
          Make it a gibbon
        </button>
      </div>
      <label>
        Target class{" "}
        <input
          type="search"
          placeholder="search 1,000 classes…"
          aria-label="Search target class"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <select
        aria-label="Target class"
        size={4}
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
    </fieldset>
  );
}
