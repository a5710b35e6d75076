import { useDeferredValue } from "react";
import { SweepChart } from "../../components/charts/SweepChart";
import { selectActions, useLab } from "../../store";
import {
  selectAdversarial,
  selectAttackKind,
  selectEpsLevel,
  selectOriginal,
  selectSteps,
  selectSweep,
  selectTargetClass,
} from "../../store/selectors";

/**
 * The epsilon sweep. Its levels fill in by themselves, nearest the slider first: FGSM in a few
 * batched passes, PGD one attack per level (the slider shows a ready level at once).
 */
export function SweepPanel() {
  const sweep = useLab(selectSweep);
  const original = useLab(selectOriginal);
  const kind = useLab(selectAttackKind);
  const steps = useLab(selectSteps);
  const targetClass = useLab(selectTargetClass);
  const epsLevel = useLab(selectEpsLevel);
  const adversarial = useLab(selectAdversarial);
  const actions = useLab(selectActions);
  // A new rival redraws the chart: at lower priority than the top-5 bars.
  const currentTop1 = useDeferredValue(adversarial?.top1 ?? null);
  if (!sweep || !original) return null;
  const ready = sweep.probs.filter((p) => p !== null).length;
  return (
    <section
      className="sweep"
      aria-label="Epsilon sweep"
      data-plan={sweep.plan}
      data-status={sweep.status}
    >
      <h3>Every ε at once</h3>
      {sweep.status !== "done" && (
        <p className="sweep-progress">
          <progress aria-label="Sweep progress" value={ready} max={sweep.levels.length} />
          <span>
            {ready} of {sweep.levels.length} levels ready
            {kind === "pgd" && ` (each is a fresh ${steps}-step attack, nearest the slider first)`}
            {sweep.status === "paused" && "; paused while this chapter is out of view"}
          </span>
        </p>
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
    </section>
  );
}
