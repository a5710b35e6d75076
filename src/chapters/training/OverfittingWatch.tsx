import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import {
  type LineSeries,
  LiveLineChart,
  type XMarker,
} from "../../components/charts/LiveLineChart";
import { type KeyItem, SeriesKey } from "../../components/charts/SeriesKey";
import { formatWholePercent } from "../../components/format";
import { useStoreWhileVisible } from "../../components/VisibleSection";
import { trainingStore } from "../../store/training";
import type { RunView, TrainingStore } from "../../store/training/trainingStore";
import { AXES, CLEAN_DASH, formatX, runKeys } from "./AccuracyChart";
import { runInfo } from "./methodInfo";

const selectFastRuns = (s: TrainingStore) => s.runs.filter((r) => r.method === "fast");

/** How each measurement is drawn (the colour and marker shape are the run's). */
const METRICS = [
  { id: "clean", label: "clean", key: "clean", dash: CLEAN_DASH, marks: false, hollow: false },
  { id: "fgsm", label: "under FGSM", key: "under FGSM", dash: "2 3", marks: false, hollow: false },
  {
    id: "robust",
    label: "under PGD",
    key: "under PGD (filled shapes)",
    dash: undefined,
    marks: true,
    hollow: false,
  },
  {
    id: "check",
    label: "early-stopping check",
    key: "early-stopping check (PGD-5 on training digits, open shapes)",
    dash: "1 4",
    marks: true,
    hollow: true,
  },
] as const;

/** The key's entries for the line styles, in the text colour (every run uses them). */
const METRIC_KEYS: KeyItem[] = [
  ...METRICS.map((m) => ({ id: m.id, label: m.key, dash: m.dash })),
  { id: "stop", label: "stopped: best weights restored", rule: true, dash: "2 3" },
];

/** A FGSM-PGD gap this wide (in accuracy) means the model beats the one-step attack only. */
const TELLING_GAP = 0.25;

/** A fast run's curves: what it learns to beat (FGSM) against what it should resist (PGD). */
function watchLines(run: RunView): LineSeries[] {
  const { name, color, marker } = runInfo(run);
  return METRICS.map((m) => ({
    id: `${run.id}:${m.id}`,
    label: `${name}, ${m.label}`,
    color,
    dash: m.dash,
    marker: m.marks ? marker : undefined,
    hollow: m.hollow,
    points:
      m.id === "check"
        ? run.checks.map((c) => ({ x: c.backward, y: c.accuracy }))
        : run.points.map((p) => ({ x: p.backward, y: p[m.id] })),
  }));
}

/** "stopped" rules where a run's early stopping fired (at its last check). */
function stopMarkers(runs: readonly RunView[]): XMarker[] {
  return runs.flatMap((run) => {
    const stop = run.stoppedEarly ? run.checks.at(-1) : undefined;
    return stop ? [{ x: stop.backward, label: "stopped" }] : [];
  });
}

/**
 * Fast FGSM training watched for catastrophic overfitting (Wong et al. 2020): accuracy under the
 * single FGSM step it trains against, beside accuracy under PGD. Overfitting shows as the two
 * parting: FGSM accuracy climbs while PGD accuracy falls to nothing. With early stopping on, the
 * run's checks are drawn too, and a rule marks where it stopped and rolled back.
 */
export function OverfittingWatch() {
  const runs = useStoreWhileVisible(trainingStore, useShallow(selectFastRuns));
  const lines = useMemo(() => runs.flatMap(watchLines), [runs]);
  if (runs.length === 0) {
    return (
      <p className="hint">
        Train Fast FGSM in the lab, or press its “Provoke catastrophic overfitting”: the run's
        accuracy under FGSM and under PGD are drawn here side by side.
      </p>
    );
  }
  const { settings, backwardBudget } = runs[0].spec;
  const stopped = runs.some((run) => run.stoppedEarly);
  const latest = runs.flatMap((run) => {
    const last = run.points.at(-1);
    return last ? [{ run, last, gap: last.fgsm - last.robust }] : [];
  });
  return (
    <figure className="accuracy-chart overfitting-watch">
      <figcaption>
        Fast FGSM ({settings.fastRandomStart ? "random start" : "zero start"}, step{" "}
        {settings.fastStepRatio}ε): accuracy on the test digits under FGSM and under PGD
      </figcaption>
      <SeriesKey
        items={[...runKeys(runs), ...METRIC_KEYS.filter((k) => k.id !== "stop" || stopped)]}
        label="Lines of the fast-training chart"
      />
      <LiveLineChart
        series={lines}
        markers={stopMarkers(runs)}
        xEnd={backwardBudget}
        xLabel={AXES.backward.label}
        formatX={formatX}
        formatY={formatWholePercent}
      />
      {latest.length > 0 && (
        <p className="caption">
          Latest points:{" "}
          {latest
            .map(
              ({ run, last }) =>
                `${runInfo(run).name} ${formatWholePercent(last.fgsm)} under FGSM, ${formatWholePercent(last.robust)} under PGD`,
            )
            .join("; ")}
          .{" "}
          {latest.some((l) => l.gap > TELLING_GAP)
            ? "A gap this wide means the model has learnt to beat the one-step attack, not to be robust."
            : "Close together: the single step still stands in for the stronger attack."}
        </p>
      )}
    </figure>
  );
}
