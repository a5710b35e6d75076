import { useMemo } from "react";
import {
  type LineSeries,
  LiveLineChart,
  type XMarker,
} from "../../components/charts/LiveLineChart";
import { useTraining } from "../../store/training";
import type { RunView, TrainingStore } from "../../store/training/trainingStore";
import { AXES, CLEAN_DASH, formatX, percent } from "./AccuracyChart";

const selectFastRun = (s: TrainingStore) => s.runs.find((r) => r.method === "fast") ?? null;

const COLORS = { clean: "#495057", fgsm: "#f08c00", robust: "#1c7ed6", check: "#868e96" };

/** The fast run's curves: what it learns to beat (FGSM) against what it should resist (PGD). */
function watchLines(run: RunView): LineSeries[] {
  const at = (y: (p: RunView["points"][number]) => number) =>
    run.points.map((p) => ({ x: p.backward, y: y(p) }));
  return [
    {
      id: "clean",
      label: "clean",
      color: COLORS.clean,
      dash: CLEAN_DASH,
      points: at((p) => p.clean),
    },
    { id: "fgsm", label: "under FGSM", color: COLORS.fgsm, dots: true, points: at((p) => p.fgsm) },
    {
      id: "robust",
      label: "under PGD",
      color: COLORS.robust,
      dots: true,
      points: at((p) => p.robust),
    },
    {
      id: "check",
      label: "early-stopping check (PGD-5, training digits)",
      color: COLORS.check,
      dash: "1 3",
      dots: true,
      points: run.checks.map((c) => ({ x: c.backward, y: c.accuracy })),
    },
  ];
}

/**
 * Fast FGSM training watched for catastrophic overfitting (Wong et al. 2020): accuracy under the
 * single FGSM step it trains against, beside accuracy under PGD. Overfitting shows as the two
 * parting: FGSM accuracy climbs while PGD accuracy falls. With early stopping on, the grey
 * checks are what the run watches, and a rule marks where it stopped and rolled back.
 */
export function OverfittingWatch() {
  const run = useTraining(selectFastRun);
  const lines = useMemo(() => (run ? watchLines(run) : []), [run]);
  if (!run) {
    return (
      <p className="hint">
        Train Fast FGSM (or press “Provoke catastrophic overfitting”): its accuracy under FGSM and
        under PGD are drawn here side by side.
      </p>
    );
  }
  const stop = run.stoppedEarly ? run.checks.at(-1) : undefined;
  const markers: XMarker[] = stop
    ? [{ x: stop.backward, label: "stopped: back to the best weights" }]
    : [];
  const last = run.points.at(-1);
  const gap = last ? last.fgsm - last.robust : null;
  const { settings } = run.spec;
  return (
    <figure className="accuracy-chart overfitting-watch">
      <figcaption>
        Fast FGSM ({settings.fastRandomStart ? "random start" : "zero start"}, step{" "}
        {settings.fastStepRatio}ε, early stopping {settings.earlyStopping ? "on" : "off"}): accuracy
        on the test digits under FGSM and under PGD
      </figcaption>
      <LiveLineChart
        series={lines}
        markers={markers}
        xEnd={run.spec.backwardBudget}
        xLabel={AXES.backward.label}
        formatX={formatX}
        formatY={percent}
      />
      <ul className="legend">
        {lines.map((l) => (
          <li key={l.id}>
            <svg width="24" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="24"
                y1="4"
                y2="4"
                stroke={l.color}
                strokeWidth="2"
                strokeDasharray={l.dash}
              />
            </svg>{" "}
            {l.label}
          </li>
        ))}
      </ul>
      {gap !== null && (
        <p className="caption" data-gap={gap.toFixed(3)}>
          Latest point: {percent(last?.fgsm ?? 0)} under FGSM, {percent(last?.robust ?? 0)} under
          PGD.{" "}
          {gap > 0.25
            ? "A gap this wide means the model has learnt to beat the one-step attack, not to be robust."
            : "Close together: the single step still stands in for the stronger attack."}
        </p>
      )}
    </figure>
  );
}
