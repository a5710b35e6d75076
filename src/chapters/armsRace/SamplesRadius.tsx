import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { DASHES, SERIES_COLOURS } from "../../components/charts/palette";
import { SMOOTHING_KINDS } from "../../engine/smoothing/recipes";
import { selectRadiusBound, useSmoothing } from "../../store/armsRace";
import { BOUND_NS } from "../../store/armsRace/smoothingStore";
import { SIGMAS } from "./CertifyPanel";

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶";
const formatN = (x: number) => Math.round(10 ** x).toLocaleString("en-US");

/**
 * The largest radius n samples can ever certify, when every one of them votes for the top
 * class: pA = alpha^(1/n), R = sigma * Phi^-1(pA), on a log axis of n (x = log10 n). The
 * numbers come from the digits worker, which has the quantile functions CERTIFY uses.
 */
export function SamplesRadius() {
  const bound = useSmoothing(selectRadiusBound);
  const series: LineSeries[] = bound
    ? SMOOTHING_KINDS.map((kind, i) => ({
        id: kind,
        label: SIGMAS[i].label,
        color: SERIES_COLOURS[i],
        dash: DASHES[i],
        points: BOUND_NS.map((n, k) => ({ x: Math.log10(n), y: bound.radii[kind][k] })),
      }))
    : [];
  const at = (n: number) => bound?.radii.sigma025[BOUND_NS.indexOf(n)]?.toFixed(2) ?? "…";
  return (
    <section className="demo panel" aria-label="Samples against the largest certifiable radius">
      <h3>Why certificates need so many samples</h3>
      <p className="panel-note">
        Even if all n noisy copies vote the same way, the bound can only say{" "}
        <i>
          p<sub>A</sub> ≥ α<sup>1/n</sup>
        </i>
        , so R can never exceed σ·Φ⁻¹(α<sup>1/n</sup>).
        {bound && (
          <>
            {" "}
            At α = {bound.alpha}, with σ = 0.25: 100 samples certify at most {at(100)}, 10,000 at
            most {at(10_000)}, 100,000 at most {at(100_000)}.
          </>
        )}{" "}
        The bound grows like the square root of log n: each further step costs ten times the
        samples.
      </p>
      <LiveLineChart
        series={series}
        xEnd={6}
        xTicks={[0, 1, 2, 3, 4, 5, 6]}
        xLabel="samples n (log scale)"
        formatX={formatN}
        formatXTick={(x) => (x === 0 ? "1" : `10${SUPERSCRIPTS[x]}`)}
        formatY={(y) => y.toFixed(1)}
        yMax={2.5}
      />
    </section>
  );
}
