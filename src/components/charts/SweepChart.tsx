import { useMemo } from "react";
import { displayName } from "../../engine/models/classNames";
import { flipLevel, rivalClass } from "../../engine/sweepSummary";
import { formatEpsilon, formatPercent } from "../format";
import { type LineSeries, LiveLineChart, type XMarker } from "./LiveLineChart";
import { DASHES } from "./palette";

interface Props {
  levels: number[];
  /** Softmax output per level (index = level); null where not computed yet. */
  probs: (Float32Array | null)[];
  original: number;
  target: number | null;
  /** The epsilon level on screen, marked with a rule. */
  current: number;
  /** Top-1 of the adversarial image on screen: the rival the chart follows when untargeted. */
  currentTop1: number | null;
  onPick: (level: number) => void;
}

const X_TICKS = [0, 4, 8, 12, 16, 20, 24, 28, 32];
/** Ticks in grey levels, as the axis title says (a "32/255" would run past the plot's end). */
const formatLevel = (k: number) => String(k);
/** Round ticks as "25%", measured values as formatPercent has them ("99.8%"). */
const formatProb = (p: number) => (Number.isInteger(p * 100) ? `${p * 100}%` : formatPercent(p));

/** The two lines' looks: the clean answer's, and its rival's. */
const LINES = [
  { id: "original", color: "var(--clean)", dash: DASHES[0], marker: "circle" },
  { id: "rival", color: "var(--adv)", dash: DASHES[1], marker: "square" },
] as const;

/** Class `cls`'s probability at every computed level, in level order, drawn as line `look`. */
function lineOf(
  probs: Props["probs"],
  levels: number[],
  cls: number,
  look: (typeof LINES)[number],
): LineSeries {
  const points = levels.flatMap((k, i) => {
    const p = probs[i];
    return p ? [{ x: k, y: p[cls] }] : [];
  });
  return { ...look, label: `P(${displayName(cls)})`, points };
}

/**
 * Probability of the clean answer and of its rival at every epsilon 0..32/255: the crossing is
 * where the model changes its mind. Click to jump there. Plain SVG (LiveLineChart): it redraws
 * whenever a level lands or the slider moves, and recharts took most of chapter 1's rendering
 * time there (its dots, grid and axes; measured in a CPU profile of the story switch).
 */
export function SweepChart({
  levels,
  probs,
  original,
  target,
  current,
  currentTop1,
  onPick,
}: Props) {
  const rival = useMemo(
    () =>
      target === null && currentTop1 !== null && currentTop1 !== original
        ? currentTop1
        : rivalClass(probs, original, target),
    [probs, original, target, currentTop1],
  );
  const flip = useMemo(() => flipLevel(probs, original, target), [probs, original, target]);
  const series = useMemo(
    () =>
      [original, rival].flatMap((cls, i) =>
        cls === null ? [] : [lineOf(probs, levels, cls, LINES[i])],
      ),
    [probs, levels, original, rival],
  );
  const markers = useMemo(() => {
    const out: XMarker[] = [{ x: current, label: "now" }];
    if (flip !== null && flip !== current) out.push({ x: flip, label: "flips" });
    return out;
  }, [current, flip]);
  const max = levels[levels.length - 1];
  return (
    <figure className="sweep-figure">
      <ul className="legend" aria-label="Lines of the sweep chart">
        {series.map((s) => (
          <li key={s.id}>
            <LineKey colour={s.color} dash={s.dash ?? ""} /> {s.label}
          </li>
        ))}
      </ul>
      <div className="sweep-chart">
        <LiveLineChart
          series={series}
          markers={markers}
          xEnd={max}
          xTicks={X_TICKS}
          xLabel="ε (grey levels out of 255)"
          formatX={formatLevel}
          formatY={formatProb}
          onPickX={(x) => onPick(Math.max(0, Math.min(max, Math.round(x))))}
        />
      </div>
      <figcaption className="caption">
        {flip === null
          ? "Click the chart to jump to an ε."
          : `The answer ${target === null ? "changes" : `becomes ${displayName(target)}`} at ε = ${formatEpsilon(flip)} (the rule marked "flips"). Click the chart to jump to an ε.`}
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
