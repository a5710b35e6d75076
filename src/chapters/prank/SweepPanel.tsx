import { SweepChart } from "../../components/charts/SweepChart";
import { selectActions, useLab } from "../../store";
import {
  selectAdversarial,
  selectOriginal,
  selectSettings,
  selectSweep,
} from "../../store/selectors";

/** The epsilon sweep: automatic for FGSM (batched), on request for PGD (one run per level). */
export function SweepPanel() {
  const sweep = useLab(selectSweep);
  const original = useLab(selectOriginal);
  const settings = useLab(selectSettings);
  const adversarial = useLab(selectAdversarial);
  const actions = useLab(selectActions);
  if (!sweep || !original) return null;
  return (
    <section className="sweep" aria-label="Epsilon sweep">
      <h3>Every ε at once</h3>
      {sweep.status === "idle" ? (
        <p>
          PGD needs a fresh {settings.steps}-step attack for each of the 32 levels.{" "}
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
            target={settings.targetClass}
            current={settings.epsLevel}
            currentTop1={adversarial?.top1 ?? null}
            onPick={actions.setEpsLevel}
          />
        </>
      )}
    </section>
  );
}
