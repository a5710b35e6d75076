import { memo, useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
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
  /** The epsilon level on screen, marked with a line. */
  current: number;
  /** Top-1 of the adversarial image on screen: the rival the chart follows when untargeted. */
  currentTop1: number | null;
  onPick: (level: number) => void;
}

// Plot-area geometry shared by the chart and the "now" marker drawn over it.
const MARGIN = { top: 8, right: 16, bottom: 20, left: 0 };
const Y_AXIS_WIDTH = 50;
const LEGEND_HEIGHT = 28;
const HEIGHT = 240;

/**
 * Probability of the clean answer and of its rival at every epsilon 0..32/255:
 * the crossing is where the model changes its mind. Click to jump there. The
 * "now" marker is a plain element over the chart, so moving the slider does
 * not redraw the chart.
 */
export function SweepChart({ current, ...chart }: Props) {
  const max = chart.levels[chart.levels.length - 1];
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = `(100% - ${plotLeft + MARGIN.right}px)`;
  return (
    <div className="sweep-chart">
      <SweepLines {...chart} />
      <div
        className="now-marker"
        aria-hidden="true"
        style={{
          left: `calc(${plotLeft}px + ${plotWidth} * ${current / max})`,
          top: MARGIN.top + LEGEND_HEIGHT,
        }}
      >
        <span>now</span>
      </div>
    </div>
  );
}

const SweepLines = memo(function SweepLines({
  levels,
  probs,
  original,
  target,
  currentTop1,
  onPick,
}: Omit<Props, "current">) {
  const rival = useMemo(
    () =>
      target === null && currentTop1 !== null && currentTop1 !== original
        ? currentTop1
        : rivalClass(probs, original, target),
    [probs, original, target, currentTop1],
  );
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
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart
        data={data}
        margin={MARGIN}
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
        <YAxis
          domain={[0, 1]}
          tickFormatter={(v) => `${Math.round(v * 100)}%`}
          width={Y_AXIS_WIDTH}
        />
        <Tooltip
          formatter={(v) => formatPercent(Number(v))}
          labelFormatter={(k) => `ε = ${formatEpsilon(Number(k))}`}
        />
        <Legend verticalAlign="top" height={LEGEND_HEIGHT} />
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
