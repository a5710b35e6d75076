import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { DASHES, SERIES_COLOURS } from "../../components/charts/palette";
import { SeriesKey } from "../../components/charts/SeriesKey";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatPercent, formatWholePercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
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

/** The radii the curves are drawn over (L2, pixels in [0,1]). */
const CURVE_END = 2;
const CURVE_STEP = 0.05;

/**
 * Cohen et al.'s published certified accuracy on ImageNet (their table, from the paper's
 * repository locuslab/smoothing): ResNet-50 base classifiers, 500 test images, n0 = 100,
 * n = 100,000, alpha = 0.001; radii in [0,1] pixel units over 224x224x3 inputs.
 */
const PAPER_RADII = [0, 0.5, 1, 1.5, 2, 2.5, 3] as const;
const PAPER_ROWS = [
  { sigma: "0.25", acc: [0.67, 0.49, 0, 0, 0, 0, 0] },
  { sigma: "0.50", acc: [0.57, 0.46, 0.38, 0.28, 0, 0, 0] },
  { sigma: "1.00", acc: [0.44, 0.38, 0.33, 0.26, 0.19, 0.15, 0.12] },
] as const;

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

/** Cohen et al.'s own figures, with their setting. */
function PaperTable() {
  return (
    <Scroller label="Cohen et al.'s certified accuracy">
      <table className="paper-table" aria-label="Cohen et al.'s certified accuracy on ImageNet">
        <caption>
          The paper's figures (ImageNet, ResNet-50, 500 test images, n₀ = 100, n = 100,000, α =
          0.001)
        </caption>
        <thead>
          <tr>
            <th scope="col">σ</th>
            {PAPER_RADII.map((r) => (
              <th scope="col" key={r}>
                r = {r.toFixed(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PAPER_ROWS.map((row) => (
            <tr key={row.sigma}>
              <th scope="row">{row.sigma}</th>
              {row.acc.map((a, i) => (
                <td key={PAPER_RADII[i]}>{formatWholePercent(a)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroller>
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
      <PaperTable />
    </section>
  );
}
