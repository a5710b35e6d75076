import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { KeySample } from "../../components/charts/SeriesKey";
import { useTraining } from "../../store/training";
import type { RunView, TrainingStore } from "../../store/training/trainingStore";
import { AccuracyChart, AXES, type Axis } from "./AccuracyChart";
import { runInfo } from "./methodInfo";

// Element-wise stable (useShallow): the chart redraws when a point arrives, not on every step.
const selectPoints = (s: TrainingStore) => s.runs.map((r) => r.points);
const selectIds = (s: TrainingStore) => s.runs.map((r) => r.id);
const selectMethods = (s: TrainingStore) => s.runs.map((r) => r.method);

/** Per-run progress bars: backward passes spent out of the shared budget. */
function RunProgress({ runs }: { runs: readonly RunView[] }) {
  return (
    <ul className="run-progress">
      {runs.map((run) => {
        const { name, color, marker } = runInfo(run);
        const spent = run.counters?.backward ?? 0;
        const budget = run.spec.backwardBudget;
        return (
          <li key={run.id} data-run={run.id} data-points={run.points.length}>
            <KeySample item={{ color, marker, noLine: true }} />
            <span className="run-name">{name}</span>
            <progress
              max={budget}
              value={Math.min(spent, budget)}
              aria-label={`${name} progress`}
            />
            <span className="run-status">
              {run.stoppedEarly
                ? "stopped early"
                : run.done
                  ? "done"
                  : `${spent} / ${budget} backward passes`}
              {run.loss !== null && ` · loss ${run.loss.toFixed(3)}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The live curves of chapter 5: clean and robust test accuracy of every run (drawn before any run). */
export function TrainingCurves({
  runs,
  eps,
  evalSteps,
  evalDigits,
  budgetEpochs,
}: {
  runs: readonly RunView[];
  eps: number;
  evalSteps: number;
  evalDigits: number;
  /** The runs' budget in epochs of standard training (where the epochs axis ends). */
  budgetEpochs: number;
}) {
  const budget = runs[0]?.spec.backwardBudget ?? 0;
  const [axis, setAxis] = useState<Axis>("backward");
  const points = useTraining(useShallow(selectPoints));
  const ids = useTraining(useShallow(selectIds));
  const methods = useTraining(useShallow(selectMethods));
  const series = useMemo(
    () => ids.map((id, i) => ({ id, method: methods[i], points: points[i] ?? [] })),
    [ids, methods, points],
  );
  return (
    <div className="training-curves">
      <RunProgress runs={runs} />
      <fieldset className="axis-switch">
        <legend>x axis</legend>
        {(Object.keys(AXES) as Axis[]).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="training-x-axis"
              checked={axis === a}
              onChange={() => setAxis(a)}
            />
            {AXES[a].switchLabel}
          </label>
        ))}
      </fieldset>
      <AccuracyChart
        series={series}
        axis={axis}
        xEnd={axis === "backward" ? budget : axis === "epochs" ? budgetEpochs : 0}
        caption={`Accuracy on the first ${evalDigits} test digits: clean, and under PGD-${evalSteps} at ε = ${Math.round(eps * 255)}/255`}
      />
    </div>
  );
}
