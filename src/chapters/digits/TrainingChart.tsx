import { memo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { AXIS_TICK, DASHES, OKABE_ITO, xAxisTitle } from "../../components/charts/palette";
import { type KeyItem, markerDot, SeriesKey } from "../../components/charts/SeriesKey";
import { formatPercent } from "../../components/format";
import type { TrainingPoint } from "../../store/digits/types";

const LOSS = { color: OKABE_ITO.vermillion, dash: DASHES[0] };
const ACCURACY = { color: OKABE_ITO.blue, dash: DASHES[1] };

const KEYS: KeyItem[] = [
  { id: "loss", label: "training loss (left axis)", ...LOSS },
  { id: "accuracy", label: "test accuracy (right axis)", ...ACCURACY, marker: "square" },
];

/** Loss ticks in plain decimals, as short as the axis allows: "2", "1.5", "0.25". */
const lossTick = (v: number) => String(Number(v.toPrecision(2)));

/** The chart in words, for readers who do not see it: the latest loss and test accuracy. */
function summary(points: readonly TrainingPoint[]): string {
  const last = points.at(-1);
  if (!last) return "Training chart: no batch yet.";
  const measured = points.filter((p) => p.accuracy !== undefined).at(-1);
  const accuracy =
    measured?.accuracy === undefined ? "" : `, test accuracy ${formatPercent(measured.accuracy)}`;
  return `Training chart: after ${last.step} batches, training loss ${last.loss.toFixed(3)}${accuracy}.`;
}

/** Live training curves: mean batch loss (left axis) and test accuracy after each epoch (right). */
export const TrainingChart = memo(function TrainingChart({ points }: { points: TrainingPoint[] }) {
  return (
    <figure className="digit-training-chart">
      <figcaption className="visually-hidden" aria-live="off">
        {summary(points)}
      </figcaption>
      <SeriesKey items={KEYS} label="Lines of the training chart" />
      <ResponsiveContainer width="100%" height={210}>
        <LineChart data={points} margin={{ top: 8, right: 4, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, "dataMax"]}
            tick={AXIS_TICK}
            label={xAxisTitle("batches")}
          />
          <YAxis yAxisId="loss" width={44} tick={AXIS_TICK} tickFormatter={lossTick} />
          <YAxis
            yAxisId="acc"
            orientation="right"
            domain={[0, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={AXIS_TICK}
            width={48}
          />
          <Line
            yAxisId="loss"
            dataKey="loss"
            name="training loss"
            stroke={LOSS.color}
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="acc"
            dataKey="accuracy"
            name="test accuracy"
            stroke={ACCURACY.color}
            strokeWidth={2.5}
            strokeDasharray={ACCURACY.dash}
            dot={markerDot("acc", "square", ACCURACY.color)}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
