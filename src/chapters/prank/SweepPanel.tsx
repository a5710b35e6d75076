import { useDeferredValue } from "react";
import { SweepChart } from "../../components/charts/SweepChart";
import { selectActions, useLab } from "../../store";
import {
  selectAdversarial,
  selectEpsLevel,
  selectOriginal,
  selectSteps,
  selectSweep,
  selectTargetClass,
} from "../../store/selectors";

/** The epsilon sweep: automatic for FGSM (batched), on request for PGD (one run per level). */
export function SweepPanel() {
  const sweep = useLab(selectSweep);
  const original = useLab(selectOriginal);
  const steps = useLab(selectSteps);
  const targetClass = useLab(selectTargetClass);
  const epsLevel = useLab(selectEpsLevel);
  const adversarial = useLab(selectAdversarial);
  const actions = useLab(selectActions);
  // A new rival redraws the chart: at lower priority than the top-5 bars.
  const currentTop1 = useDeferredValue(adversarial?.top1 ?? null);
  if (!sweep || !original) return null;
  return (
    <section className="sweep" aria-label="Epsilon sweep">
      <h3>Every ε at once</h3>
      {sweep.status === "idle" ? (
        <p>
          PGD needs a fresh {steps}-step attack for each of the 32 levels.{" "}
          <button type="button" onClick={actions.computeSweep}>
            Compute the PGD sweep
          </button>
        </p>
      ) : (
        <>
          {sweep.status === "running" && (
            <progress
              aria-label="Sweep progress"
              value={sweep.probs.length}
              max={sweep.levels.length}
            />
          )}
          <SweepChart
            levels={sweep.levels}
            probs={sweep.probs}
            original={original.top1}
            target={targetClass}
            current={epsLevel}
            currentTop1={currentTop1}
            onPick={actions.setEpsLevel}
          />
        </>
      )}
    </section>
  );
}
