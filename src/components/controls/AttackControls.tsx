import { selectActions, useLab } from "../../store";
import { MAX_PGD_STEPS } from "../../store/labStore";
import { selectAttackKind, selectRandomStart, selectSteps } from "../../store/selectors";
import { TargetPicker } from "./TargetPicker";

/** The attack in full: method (one FGSM step, or PGD with its steps and start) and goal. */
export function AttackControls() {
  const kind = useLab(selectAttackKind);
  const steps = useLab(selectSteps);
  const randomStart = useLab(selectRandomStart);
  const actions = useLab(selectActions);
  return (
    <fieldset className="attack-controls">
      <legend>Attack settings</legend>
      <div className="method-fields">
        <label className="field">
          Method{" "}
          <select
            aria-label="Attack method"
            value={kind}
            onChange={(e) => actions.updateSettings({ kind: e.target.value as "fgsm" | "pgd" })}
          >
            <option value="fgsm">FGSM (one gradient step)</option>
            <option value="pgd">PGD (iterated, projected)</option>
          </select>
        </label>
        {kind === "pgd" && (
          <>
            <label className="field">
              Steps{" "}
              <input
                type="number"
                min={1}
                max={MAX_PGD_STEPS}
                value={steps}
                aria-label="PGD steps"
                onChange={(e) => {
                  const steps = Math.round(Number(e.target.value));
                  if (steps >= 1 && steps <= MAX_PGD_STEPS) actions.updateSettings({ steps });
                }}
              />
            </label>
            <label className="field inline">
              <input
                type="checkbox"
                checked={randomStart}
                onChange={(e) => actions.updateSettings({ randomStart: e.target.checked })}
              />{" "}
              random start
            </label>
          </>
        )}
      </div>
      <TargetPicker />
    </fieldset>
  );
}
