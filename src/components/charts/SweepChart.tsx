import { memo, useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { displayName } from "../../engine/models/classNames";
import { flipLevel, rivalClass } from "../../engine/sweepSummary";
import { formatEpsilon, formatPercent } from "../format";

interface Props {
  levels: number[];
  probs: Float32Array[];
  original: number;
  target: number | null;
  current: number;
  /** Top-1 of the adversarial image on screen: the rival the chart follows when untargeted. */
  currentTop1: number | null;
  onPick: (level: number) => void;
}

/**
 * Probability of the clean answer and of its rival at every epsilon 0..32/255:
 * the crossing is where the model changes its mind. Click to jump there.
 */
export const SweepChart = memo(function SweepChart({
  levels,
  probs,
  original,
  target,
  current,
  onPick,
}: Props) {
  const rival = useMemo(() => rivalClass(probs, original, target), [probs, original, target]);
  const flip = useMemo(() => flipLevel(probs, original, target), [probs, original, target]);
  const data = useMemo(
    () =>
      levels.map((k, i) => ({
        k,
        original: probs[i]?.[original],
        rival: rival === null ? undefined : probs[i]?.[rival],
      })),
    [levels, probs, original, rival],
  );
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart
        data={data}
        margin={{ top: 8, right: 16, bottom: 20, left: 0 }}
        onClick={(e) => {
          const k = Number(e?.activeLabel);
          if (Number.isFinite(k)) onPick(k);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        <XAxis
          dataKey="k"
          type="number"
          domain={[0, levels[levels.length - 1]]}
          ticks={[0, 4, 8, 12, 16, 20, 24, 28, 32]}
          label={{ value: "ε (grey levels out of 255)", position: "insideBottom", offset: -10 }}
        />
        <YAxis domain={[0, 1]} tickFormatter={(v) => `${Math.round(v * 100)}%`} width={44} />
        <Tooltip
          formatter={(v) => formatPercent(Number(v))}
          labelFormatter={(k) => `ε = ${formatEpsilon(Number(k))}`}
        />
        <Legend verticalAlign="top" height={28} />
        <ReferenceLine
          x={current}
          stroke="var(--accent)"
          strokeWidth={2}
          label={{ value: "now", position: "top" }}
        />
        <Line
          type="monotone"
          dataKey="original"
          name={`P(${displayName(original)})`}
          stroke="var(--clean)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        {rival !== null && (
          <Line
            type="monotone"
            dataKey="rival"
            name={`P(${displayName(rival)})`}
            stroke="var(--adv)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        )}
        {flip !== null && probs[flip] && (
          <ReferenceDot
            x={flip}
            y={probs[flip][original]}
            r={5}
            fill="var(--adv)"
            stroke="white"
            label={{ value: `flips at ${flip}/255`, position: "right" }}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
});
