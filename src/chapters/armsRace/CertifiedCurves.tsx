import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { DASHES, SERIES_COLOURS } from "../../components/charts/palette";
import { SeriesKey } from "../../components/charts/SeriesKey";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatPercent, formatWholePercent } from "../../components/format";
import {
  certifiedAccuracy,
  certifiedAccuracyCurve,
} from "../../engine/smoothing/certifiedAccuracy";
import { SMOOTHING_KINDS } from "../../engine/smoothing/recipes";
import {
  selectCurveCount,
  selectCurveN,
  selectCurves,
  selectSmoothingActions,
  useSmoothing,
} from "../../store/armsRace";
import { CURVE_COUNTS, CURVE_N_CHOICES } from "../../store/armsRace/smoothingStore";
import { SIGMAS } from "./CertifyPanel";
import { CohenTable } from "./CohenTable";

/** The radii the curves are drawn over (L2, pixels in [0,1]). */
const CURVE_END = 2;
const CURVE_STEP = 0.05;

function Controls() {
  const actions = useSmoothing(selectSmoothingActions);
  const count = useSmoothing(selectCurveCount);
  const n = useSmoothing(selectCurveN);
  const curves = useSmoothing(selectCurves);
  const running = SMOOTHING_KINDS.some((k) => curves[k]?.status === "running");
  const current = SMOOTHING_KINDS.map((k) => curves[k]).find((c) => c?.status === "running");
  return (
    <div className="demo-toolbar">
      <NumberSelect
        className="field inline"
        label="Test digits to certify"
        value={count}
        options={CURVE_COUNTS}
        onChange={actions.setCurveCount}
        disabled={running}
      />
      <NumberSelect
        className="field inline"
        label="n per digit"
        value={n}
        options={CURVE_N_CHOICES}
        onChange={actions.setCurveN}
        disabled={running}
      />
      <RunButton
        running={running}
        label="Certify the test digits"
        onRun={actions.runCurves}
        onStop={actions.cancelCurves}
      />
      <RunProgress run={current ?? null} unit="noisy samples" />
    </div>
  );
}

/** Certified accuracy against radius for each noise level, measured here, beside the paper's. */
export function CertifiedCurves() {
  const curves = useSmoothing(selectCurves);
  const series: LineSeries[] = SMOOTHING_KINDS.flatMap((kind, i) => {
    const run = curves[kind];
    if (!run?.result?.length) return [];
    return [
      {
        id: kind,
        label: SIGMAS[i].label,
        color: SERIES_COLOURS[i],
        dash: DASHES[i],
        opacity: run.status === "running" ? 0.6 : 1,
        points: certifiedAccuracyCurve(run.result, CURVE_END, CURVE_STEP),
      },
    ];
  });
  const summaries = SMOOTHING_KINDS.flatMap((kind, i) => {
    const run = curves[kind];
    if (!run?.result?.length) return [];
    const at = (r: number) => formatPercent(certifiedAccuracy(run.result ?? [], r));
    const setting = `${run.result.length} digits, n = ${run.n.toLocaleString("en-US")}, α = ${run.alpha}`;
    return [
      `${SIGMAS[i].label}: ${at(0)} certified right at r = 0, ${at(0.5)} at r = 0.5 (${setting})`,
    ];
  });
  return (
    <section className="demo panel" aria-label="Certified accuracy against radius">
      <h3>Certified accuracy against radius</h3>
      <p className="panel-note">
        The share of the first N test digits whose smoothed class is right and certified at least as
        far as r. With n samples per digit no radius beyond σ·Φ⁻¹(α^(1/n)) can be certified (see the
        next chart), so the curves stop there however good the model.
      </p>
      <Controls />
      <SeriesKey
        items={SMOOTHING_KINDS.map((kind, i) => ({
          id: kind,
          label: SIGMAS[i].label,
          color: SERIES_COLOURS[i],
          dash: DASHES[i],
        }))}
        label="Lines of the certified accuracy chart"
      />
      <LiveLineChart
        series={series}
        xEnd={CURVE_END}
        xLabel="L2 radius r"
        formatX={(x) => x.toFixed(2)}
        formatXTick={(x) => x.toFixed(1)}
        formatY={formatWholePercent}
      />
      {summaries.length > 0 && <p className="caption">{summaries.join("; ")}.</p>}
      <CohenTable />
    </section>
  );
}
