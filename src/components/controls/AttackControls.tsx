import { selectActions, useLab } from "../../store";
import { selectSettings } from "../../store/selectors";

/** Attack picker: one FGSM step, or PGD with its step count and random start. */
export function AttackControls() {
  const settings = useLab(selectSettings);
  const actions = useLab(selectActions);
  return (
    <fieldset className="attack-controls">
      <legend>Attack</legend>
      <label>
        Method{" "}
        <select
          aria-label="Attack method"
          value={settings.kind}
          onChange={(e) => actions.updateSettings({ kind: e.target.value as "fgsm" | "pgd" })}
        >
          <option value="fgsm">FGSM (one gradient step)</option>
          <option value="pgd">PGD (iterated, projected)</option>
        </select>
      </label>
      {settings.kind === "pgd" && (
        <>
          <label>
            Steps{" "}
            <input
              type="number"
              min={1}
              max={100}
              value={settings.steps}
              aria-label="PGD steps"
              onChange={(e) => {
                const steps = Math.round(Number(e.target.value));
                if (steps >= 1 && steps <= 100) actions.updateSettings({ steps });
              }}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.randomStart}
              onChange={(e) => actions.updateSettings({ randomStart: e.target.checked })}
            />{" "}
            random start
          </label>
        </>
      )}
    </fieldset>
  );
}
