import { memo, useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatPercent } from "../../components/format";
import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModels";
import type { RobustnessPoint } from "../../engine/digits/robustnessCurve";

const COLORS: Record<DigitModelKind, string> = {
  softmax: "#e03131",
  mlp: "#3b5bdb",
  cnn: "#2f9e44",
};

/** Error rate (solid) and mean confidence when wrong (dashed) against eps, for each model measured so far. */
export const RobustnessChart = memo(function RobustnessChart({
  points,
}: {
  points: Partial<Record<DigitModelKind, RobustnessPoint[]>>;
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
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          dataKey="eps"
          type="number"
          domain={[0, 0.3]}
          ticks={[0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]}
          label={{ value: "ε", position: "insideBottom", offset: -10 }}
        />
        <YAxis
          domain={[0, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          width={48}
        />
        <Tooltip
          formatter={(v) => formatPercent(Number(v))}
          labelFormatter={(eps) =>
            `ε = ${Math.round(Number(eps) * 255)}/255 ≈ ${Number(eps).toFixed(3)}`
          }
        />
        <Legend verticalAlign="top" height={28} />
        {kinds.flatMap((k) => [
          <Line
            key={`${k}Error`}
            dataKey={`${k}Error`}
            name={`${DIGIT_MODEL_INFO[k].shortName} error`}
            stroke={COLORS[k]}
            dot={false}
            isAnimationActive={false}
          />,
          <Line
            key={`${k}Conf`}
            dataKey={`${k}Conf`}
            name={`${DIGIT_MODEL_INFO[k].shortName} confidence when wrong`}
            stroke={COLORS[k]}
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
            legendType="plainline"
          />,
        ])}
      </LineChart>
    </ResponsiveContainer>
  );
});
