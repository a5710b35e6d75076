import { memo, useMemo } from "react";
import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { type KeyItem, SeriesKey } from "../../components/charts/SeriesKey";
import { formatWholePercent } from "../../components/format";
import type { TrainingMethod } from "../../engine/digits/adversarial/types";
import type { RunPoint } from "../../workers/training/protocol";
import { runInfo } from "./methodInfo";

/** The x axes the reader can switch between; `key` is the RunPoint counter plotted. */
export const AXES = {
  backward: {
    key: "backward",
    switchLabel: "backward passes",
    label: "backward passes (minibatches)",
  },
  epochs: {
    key: "epochs",
    switchLabel: "epochs",
    label: "epochs (passes over the training digits)",
  },
  seconds: { key: "seconds", switchLabel: "seconds", label: "seconds of training" },
} as const;
export type Axis = keyof typeof AXES;

/** One run's curves: only what changes when a point is measured. */
export interface Series {
  id: string;
  method: TrainingMethod;
  points: readonly RunPoint[];
}

export const formatX = (v: number) => String(v);
/** Clean accuracy is dashed, with hollow markers, on every chart of the lab. */
export const CLEAN_DASH = "6 4";

/** Key entries naming each run by colour and shape (the line styles get entries of their own). */
export function runKeys(runs: readonly { id: string; method: TrainingMethod }[]): KeyItem[] {
  return runs.map((run) => {
    const { name, color, marker } = runInfo(run);
    return { id: run.id, label: name, color, marker, noLine: true };
  });
}

const METRIC_KEYS: KeyItem[] = [
  { id: "clean", label: "clean: dashed, open shapes", dash: CLEAN_DASH },
  { id: "robust", label: "under PGD: solid, filled shapes" },
];

/**
 * Clean (dashed, open markers) and robust (solid, filled markers) accuracy of every run on one
 * chart, against the chosen x axis, which ends at `xEnd` (the budget, when known in advance) rounded up to a tick.
 */
export const AccuracyChart = memo(function AccuracyChart({
  series,
  axis,
  xEnd,
  caption,
}: {
  series: readonly Series[];
  axis: Axis;
  /** The x value the curves are expected to reach (0: unknown). */
  xEnd: number;
  caption: string;
}) {
  const { key, label } = AXES[axis];
  const lines = useMemo(
    () =>
      series.flatMap((s): LineSeries[] => {
        const { name, color, marker } = runInfo(s);
        return (["clean", "robust"] as const).map((metric) => ({
          id: `${s.id}:${metric}`,
          label: `${name}, ${metric}`,
          color,
          marker,
          dash: metric === "clean" ? CLEAN_DASH : undefined,
          hollow: metric === "clean",
          points: s.points.map((p) => ({ x: p[key], y: p[metric] })),
        }));
      }),
    [series, key],
  );
  return (
    <figure className="accuracy-chart">
      <figcaption>{caption}</figcaption>
      <SeriesKey items={[...runKeys(series), ...METRIC_KEYS]} label="Lines of the accuracy chart" />
      <LiveLineChart
        series={lines}
        xEnd={xEnd}
        xLabel={label}
        formatX={formatX}
        formatY={formatWholePercent}
      />
    </figure>
  );
});
