import { memo, useId } from "react";
import { CHART_FONT } from "../../components/charts/palette";
import { useWidth } from "../../components/charts/useWidth";
import { formatPercent } from "../../components/format";
import { topK } from "../../engine/topK";

/**
 * The ten class probabilities of a digit as bars (0 to 9, left to right). The chart is for the
 * eye; the same numbers, most probable first ("5 99.9%"), are a list for screen readers and
 * tests. `attacked` is the attacked class (blue); the top class, if different, is striped
 * vermillion (striped, so the two differ without colour too).
 */
export const DigitProbChart = memo(function DigitProbChart({
  title,
  label,
  probs,
  attacked,
  inputKey,
}: {
  title: string;
  /** Accessible name of the list, e.g. "probabilities before the attack". */
  label: string;
  probs: Float32Array | null;
  attacked: number | null;
  /** What these numbers were computed from, as data-input (for tests). */
  inputKey?: string;
}) {
  const stripes = `stripes-${useId().replace(/[^\w-]/g, "")}`;
  const top = probs ? topK(probs, 10) : [];
  const best = top[0]?.classIndex ?? null;
  const rows = Array.from(probs ?? [], (p, digit) => ({
    digit: String(digit),
    p,
    fill: digit === attacked ? "var(--clean)" : digit === best ? `url(#${stripes})` : "var(--bar)",
  }));
  return (
    <figure className="digit-probs">
      <figcaption>{title}</figcaption>
      <ol aria-label={label} className="visually-hidden" data-input={inputKey}>
        {top.map((s) => (
          <li key={s.classIndex}>{`${s.classIndex} ${formatPercent(s.probability)}`}</li>
        ))}
      </ol>
      <div aria-hidden="true">
        {rows.length > 0 ? (
          <ProbBars rows={rows} stripes={stripes} />
        ) : (
          <div className="placeholder">…</div>
        )}
      </div>
    </figure>
  );
});

const HEIGHT = 150;
/** Room above the bars for their labels, and below for the digits. */
const PLOT = { top: 18, bottom: 22, side: 4 };

/**
 * The ten bars as plain SVG, each on its full-height background, its probability above it when
 * 5% or more. Chapter 3's slider redraws two of these per move; in recharts each redraw went
 * through its store and text measuring (a 100-160 ms render when the chapter's first results
 * arrived, measured in the reader's walk).
 */
function ProbBars({
  rows,
  stripes,
}: {
  rows: readonly { digit: string; p: number; fill: string }[];
  stripes: string;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const slot = (width - 2 * PLOT.side) / rows.length;
  const barWidth = slot * 0.8;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  return (
    <div ref={box}>
      <svg
        aria-hidden="true"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="prob-bars"
      >
        <defs>
          <pattern
            id={stripes}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="var(--adv)" />
            <rect width="2" height="6" fill="white" opacity="0.6" />
          </pattern>
        </defs>
        {rows.map((r, i) => {
          const x = PLOT.side + i * slot + (slot - barWidth) / 2;
          const h = r.p * plotHeight;
          return (
            <g key={r.digit}>
              <rect x={x} y={PLOT.top} width={barWidth} height={plotHeight} fill="var(--bar-bg)" />
              <rect x={x} y={PLOT.top + plotHeight - h} width={barWidth} height={h} fill={r.fill} />
              {r.p >= 0.05 && (
                <text
                  x={x + barWidth / 2}
                  y={PLOT.top + plotHeight - h - 4}
                  textAnchor="middle"
                  fontSize={CHART_FONT.note}
                  fill="var(--fg)"
                >
                  {`${Math.round(r.p * 100)}%`}
                </text>
              )}
              <text
                x={x + barWidth / 2}
                y={HEIGHT - 5}
                textAnchor="middle"
                fontSize={CHART_FONT.tick + 1}
                fill="var(--muted)"
              >
                {r.digit}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
