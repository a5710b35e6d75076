import { memo, useMemo, useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useShallow } from "zustand/react/shallow";
import { useTraining } from "../../store/training";
import type { RunView, TrainingStore } from "../../store/training/trainingStore";
import type { RunPoint } from "../../workers/training/protocol";
import { METHOD_INFO } from "./methodInfo";

const AXES = {
  epochs: { label: "epochs (passes over the training digits)", key: "epochs" },
  backward: { label: "backward passes (minibatches)", key: "backward" },
  seconds: { label: "seconds of training", key: "seconds" },
} as const;
type Axis = keyof typeof AXES;

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** A chart's view of a run: only what changes when a point is measured. */
interface Series {
  id: string;
  method: RunView["method"];
  points: RunPoint[];
}
// Element-wise stable (useShallow): the charts redraw when a point arrives, not on every step.
const selectPoints = (s: TrainingStore) => s.runs.map((r) => r.points);
const selectMethods = (s: TrainingStore) => s.runs.map((r) => r.method);

/** Both accuracies of every run on one chart (clean dashed, robust solid), x on the chosen axis. */
const AccuracyChart = memo(function AccuracyChart({
  series,
  axis,
  caption,
}: {
  series: readonly Series[];
  axis: Axis;
  caption: string;
}) {
  const xKey = AXES[axis].key;
  // One chart, one data array: recharts 3 redraws cost about a chart's worth of fixed work each,
  // so a single chart keeps every redraw under the page's 50 ms long-task budget.
  const rows = useMemo(() => {
    const out: Record<string, number>[] = [];
    for (const run of series)
      for (const p of run.points)
        out.push({ x: p[xKey], [`${run.id}:clean`]: p.clean, [`${run.id}:robust`]: p.robust });
    return out.sort((u, v) => u.x - v.x);
  }, [series, xKey]);
  return (
    <figure className="accuracy-chart">
      <figcaption>{caption}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 20, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, "dataMax"]}
            interval={0}
            tickCount={6}
            tickFormatter={(v: number) => (axis === "backward" ? String(v) : v.toFixed(1))}
            label={{ value: AXES[axis].label, position: "insideBottom", offset: -12 }}
          />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            interval={0}
            tickFormatter={percent}
            width={44}
          />
          {series.flatMap((run) =>
            (["clean", "robust"] as const).map((metric) => (
              <Line
                key={`${run.id}:${metric}`}
                dataKey={`${run.id}:${metric}`}
                name={`${METHOD_INFO[run.method].name}, ${metric}`}
                stroke={METHOD_INFO[run.method].color}
                strokeDasharray={metric === "clean" ? "5 4" : undefined}
                strokeWidth={2}
                dot={metric === "robust" ? { r: 3 } : false}
                connectNulls
                isAnimationActive={false}
              />
            )),
          )}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** Per-run progress bars: backward passes spent out of the shared budget. */
function RunProgress({ runs }: { runs: readonly RunView[] }) {
  return (
    <ul className="run-progress">
      {runs.map((run) => {
        const spent = run.counters?.backward ?? 0;
        const budget = run.spec.backwardBudget;
        return (
          <li key={run.id} data-run={run.id} data-points={run.points.length}>
            <span className="swatch" style={{ background: METHOD_INFO[run.method].color }} />
            <span className="run-name">{METHOD_INFO[run.method].name}</span>
            <progress
              max={budget}
              value={Math.min(spent, budget)}
              aria-label={`${METHOD_INFO[run.method].name} progress`}
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
}: {
  runs: readonly RunView[];
  eps: number;
  evalSteps: number;
  evalDigits: number;
}) {
  const [axis, setAxis] = useState<Axis>("backward");
  const points = useTraining(useShallow(selectPoints));
  const methods = useTraining(useShallow(selectMethods));
  const series = useMemo(
    () => methods.map((method, i) => ({ id: method, method, points: points[i] ?? [] })),
    [methods, points],
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
            {a === "backward" ? "backward passes" : a}
          </label>
        ))}
      </fieldset>
      <AccuracyChart
        series={series}
        axis={axis}
        caption={`Accuracy on the first ${evalDigits} test digits: clean (dashed) and under PGD-${evalSteps} at ε = ${Math.round(eps * 255)}/255 (solid, with dots)`}
      />
    </div>
  );
}
