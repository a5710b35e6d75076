import { memo, useMemo } from "react";
import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { DASHES } from "../../components/charts/palette";
import { type KeyItem, SeriesKey } from "../../components/charts/SeriesKey";
import { formatWholePercent } from "../../components/format";
import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModelKinds";
import type { RobustnessPoint } from "../../engine/digits/robustnessCurve";
import { DIGIT_MODEL_STYLE } from "../digits/modelStyle";

const CONFIDENCE_DASH = DASHES[1];
const NONE: readonly DigitModelKind[] = [];
/** Ticks at the grid's levels nearest 0.1, 0.2 and 0.3, labelled by their rounded value. */
const EPS_TICKS = [0, 26, 51, 77].map((level) => level / 255);
const formatEps = (eps: number) => `${Math.round(eps * 255)}/255`;
const formatEpsTick = (eps: number) => String(Number(eps.toFixed(1)));

/** The line styles, shared by the three models (which differ by colour and marker shape). */
const METRIC_KEYS: KeyItem[] = [
  { id: "error", label: "error rate: solid, filled shapes" },
  { id: "conf", label: "confidence when wrong: dashed, open shapes", dash: CONFIDENCE_DASH },
];

/** A model's two lines: error rate, and mean confidence when wrong (where any were wrong). */
function modelSeries(
  kind: DigitModelKind,
  points: readonly RobustnessPoint[],
  faint: boolean,
): LineSeries[] {
  const { color, marker } = DIGIT_MODEL_STYLE[kind];
  const name = DIGIT_MODEL_INFO[kind].shortName;
  const opacity = faint ? 0.35 : undefined;
  const at = (p: RobustnessPoint, y: number) => ({ x: p.epsLevel / 255, y });
  return [
    {
      id: `${kind}:error`,
      label: `${name} error`,
      color,
      marker,
      opacity,
      points: points.map((p) => at(p, p.errorRate)),
    },
    {
      id: `${kind}:conf`,
      label: `${name} confidence when wrong`,
      color,
      marker,
      hollow: true,
      dash: CONFIDENCE_DASH,
      opacity,
      points: points
        .filter((p) => !Number.isNaN(p.meanWrongConfidence))
        .map((p) => at(p, p.meanWrongConfidence)),
    },
  ];
}

/**
 * Error rate (solid) and mean confidence when wrong (dashed) against eps, for each model measured
 * so far; a model whose curve is being re-measured (`pending`) is drawn faint until it is done.
 * Plain SVG: it redraws as each model's curve arrives, while the chapter's other results land
 * (in recharts those redraws were 100 ms tasks).
 */
export const RobustnessChart = memo(function RobustnessChart({
  points,
  pending = NONE,
}: {
  points: Partial<Record<DigitModelKind, RobustnessPoint[]>>;
  pending?: readonly DigitModelKind[];
}) {
  const kinds = DIGIT_MODEL_KINDS.filter((k) => points[k]);
  const series = useMemo(
    () =>
      DIGIT_MODEL_KINDS.flatMap((k) => {
        const curve = points[k];
        return curve ? modelSeries(k, curve, pending.includes(k)) : [];
      }),
    [points, pending],
  );
  const modelKeys: KeyItem[] = kinds.map((k) => ({
    id: k,
    label: pending.includes(k)
      ? `${DIGIT_MODEL_INFO[k].shortName} (updating)`
      : DIGIT_MODEL_INFO[k].shortName,
    ...DIGIT_MODEL_STYLE[k],
    noLine: true,
  }));
  return (
    <figure className="robustness-chart">
      <SeriesKey items={[...modelKeys, ...METRIC_KEYS]} label="Lines of the robustness chart" />
      <LiveLineChart
        series={series}
        xLabel="ε (FGSM budget)"
        formatX={formatEps}
        formatXTick={formatEpsTick}
        formatY={formatWholePercent}
        xTicks={EPS_TICKS}
      />
    </figure>
  );
});
