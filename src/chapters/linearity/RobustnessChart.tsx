import { memo, useMemo } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, DASHES, xAxisTitle } from "../../components/charts/palette";
import { type KeyItem, markerDot, SeriesKey } from "../../components/charts/SeriesKey";
import { formatPercent } from "../../components/format";
import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModelKinds";
import type { RobustnessPoint } from "../../engine/digits/robustnessCurve";
import { DIGIT_MODEL_STYLE } from "../digits/modelStyle";

const CONFIDENCE_DASH = DASHES[1];
const NONE: readonly DigitModelKind[] = [];

/** The line styles, shared by the three models (which differ by colour and marker shape). */
const METRIC_KEYS: KeyItem[] = [
  { id: "error", label: "error rate: solid, filled shapes" },
  { id: "conf", label: "confidence when wrong: dashed, open shapes", dash: CONFIDENCE_DASH },
];

/**
 * Error rate (solid) and mean confidence when wrong (dashed) against eps, for each model measured
 * so far; a model whose curve is being re-measured (`pending`) is drawn faint until it is done.
 */
export const RobustnessChart = memo(function RobustnessChart({
  points,
  pending = NONE,
}: {
  points: Partial<Record<DigitModelKind, RobustnessPoint[]>>;
  pending?: readonly DigitModelKind[];
}) {
  const kinds = DIGIT_MODEL_KINDS.filter((k) => points[k]);
  const data = useMemo(() => {
    const levels = points[kinds[0]]?.map((p) => p.epsLevel) ?? [];
    return levels.map((level, i) => {
      const row: Record<string, number> = { eps: level / 255 };
      for (const k of kinds) {
        const p = (points[k] as RobustnessPoint[])[i];
        row[`${k}Error`] = p.errorRate;
        if (!Number.isNaN(p.meanWrongConfidence)) row[`${k}Conf`] = p.meanWrongConfidence;
      }
      return row;
    });
  }, [points, kinds]);
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
      <ResponsiveContainer width="100%" height={270}>
        <LineChart data={data} margin={{ top: 10, right: 18, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" />
          <XAxis
            dataKey="eps"
            type="number"
            domain={[0, 0.3]}
            ticks={[0, 0.1, 0.2, 0.3]}
            tick={AXIS_TICK}
            label={xAxisTitle("ε (FGSM budget)")}
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={AXIS_TICK}
            width={46}
          />
          <Tooltip
            formatter={(v) => formatPercent(Number(v))}
            labelFormatter={(eps) =>
              `ε = ${Math.round(Number(eps) * 255)}/255 ≈ ${Number(eps).toFixed(3)}`
            }
          />
          {kinds.flatMap((k) => {
            const { color, marker } = DIGIT_MODEL_STYLE[k];
            const opacity = pending.includes(k) ? 0.35 : 1;
            return [
              <Line
                key={`${k}Error`}
                dataKey={`${k}Error`}
                name={`${DIGIT_MODEL_INFO[k].shortName} error`}
                stroke={color}
                strokeWidth={2.5}
                strokeOpacity={opacity}
                dot={markerDot(`${k}e`, marker, color, { opacity })}
                isAnimationActive={false}
              />,
              <Line
                key={`${k}Conf`}
                dataKey={`${k}Conf`}
                name={`${DIGIT_MODEL_INFO[k].shortName} confidence when wrong`}
                stroke={color}
                strokeWidth={2}
                strokeOpacity={opacity}
                strokeDasharray={CONFIDENCE_DASH}
                dot={markerDot(`${k}c`, marker, color, { hollow: true, opacity })}
                isAnimationActive={false}
              />,
            ];
          })}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
