import { memo, useMemo } from "react";
import {
  CartesianGrid,
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
import { DASHES } from "./palette";

interface Props {
  levels: number[];
  /** Softmax output per level (index = level); null where not computed yet. */
  probs: (Float32Array | null)[];
  original: number;
  target: number | null;
  /** The epsilon level on screen, marked with a line. */
  current: number;
  /** Top-1 of the adversarial image on screen: the rival the chart follows when untargeted. */
  currentTop1: number | null;
  onPick: (level: number) => void;
}

// Plot-area geometry shared by the chart and the "now" marker drawn over it.
const MARGIN = { top: 12, right: 18, bottom: 20, left: 4 };
const Y_AXIS_WIDTH = 56;
const HEIGHT = 220;

/**
 * Probability of the clean answer and of its rival at every epsilon 0..32/255: the crossing is
 * where the model changes its mind. Click to jump there. The legend and the flip are told in
 * HTML beside the plot (never over the curves); the "now" marker is a plain element over the
 * chart, so moving the slider does not redraw it.
 */
export function SweepChart({ current, ...chart }: Props) {
  const max = chart.levels[chart.levels.length - 1];
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = `(100% - ${plotLeft + MARGIN.right}px)`;
  const rival = useMemo(
    () =>
      chart.target === null && chart.currentTop1 !== null && chart.currentTop1 !== chart.original
        ? chart.currentTop1
        : rivalClass(chart.probs, chart.original, chart.target),
    [chart.probs, chart.original, chart.target, chart.currentTop1],
  );
  const flip = useMemo(
    () => flipLevel(chart.probs, chart.original, chart.target),
    [chart.probs, chart.original, chart.target],
  );
  return (
    <figure className="sweep-figure">
      <ul className="legend" aria-label="Lines of the sweep chart">
        <li>
          <LineKey colour="var(--clean)" dash={DASHES[0]} /> P({displayName(chart.original)})
        </li>
        {rival !== null && (
          <li>
            <LineKey colour="var(--adv)" dash={DASHES[1]} /> P({displayName(rival)})
          </li>
        )}
      </ul>
      <div className="sweep-chart">
        <SweepLines {...chart} rival={rival} flip={flip} />
        <div
          className="now-marker"
          aria-hidden="true"
          style={{ left: `calc(${plotLeft}px + ${plotWidth} * ${current / max})`, top: MARGIN.top }}
        >
          <span>now</span>
        </div>
      </div>
      <figcaption className="caption">
        {flip === null
          ? "Click the chart to jump to an ε."
          : `The answer ${chart.target === null ? "changes" : `becomes ${displayName(chart.target)}`} at ε = ${formatEpsilon(flip)} (dotted line). Click the chart to jump to an ε.`}
      </figcaption>
    </figure>
  );
}

/** A short sample of a line, as the legend's key. */
function LineKey({ colour, dash }: { colour: string; dash: string }) {
  return (
    <svg width="26" height="10" aria-hidden="true" className="line-key">
      <line x1="1" x2="25" y1="5" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={dash} />
    </svg>
  );
}

const SweepLines = memo(function SweepLines({
  levels,
  probs,
  original,
  rival,
  flip,
  onPick,
}: Omit<Props, "current" | "target" | "currentTop1"> & {
  rival: number | null;
  flip: number | null;
}) {
  const data = useMemo(
    () =>
      levels.map((k, i) => ({
        k,
        original: probs[i]?.[original],
        rival: rival === null ? undefined : probs[i]?.[rival],
      })),
    [levels, probs, original, rival],
  );
  const flipProbs = flip === null ? null : probs[flip];
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
        <Line
          type="monotone"
          dataKey="original"
          name={`P(${displayName(original)})`}
          stroke="var(--clean)"
          strokeWidth={2.5}
          strokeDasharray={DASHES[0]}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        {rival !== null && (
          <Line
            type="monotone"
            dataKey="rival"
            name={`P(${displayName(rival)})`}
            stroke="var(--adv)"
            strokeWidth={2.5}
            strokeDasharray={DASHES[1]}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        )}
        {flip !== null && flipProbs && (
          <>
            <ReferenceLine x={flip} stroke="var(--fg)" strokeDasharray="2 3" />
            <ReferenceDot x={flip} y={flipProbs[original]} r={5} fill="var(--adv)" stroke="white" />
          </>
        )}
      </LineChart>
    </ResponsiveContainer>
  );
});
