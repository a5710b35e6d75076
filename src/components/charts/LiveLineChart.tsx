import { memo } from "react";
import { niceTicks } from "./niceTicks";

export interface LineSeries {
  id: string;
  /** Names the line in the dots' tooltips and the chart's description. */
  label: string;
  color: string;
  /** SVG stroke-dasharray of the line, e.g. "5 4" (solid when absent). */
  dash?: string;
  /** A dot at every point (with a hover tooltip). */
  dots?: boolean;
  points: readonly { x: number; y: number }[];
}

/** A vertical rule at x with a label (an event on the x axis). */
export interface XMarker {
  x: number;
  label: string;
}

interface Props {
  series: readonly LineSeries[];
  markers?: readonly XMarker[];
  /** Where the x axis should reach at least (0: the points decide), rounded up to a tick. */
  xEnd?: number;
  xLabel: string;
  formatX: (x: number) => string;
  /** The y axis runs over [0, 1]; these label its ticks. */
  formatY: (y: number) => string;
}

// Drawing units: the SVG scales to its box's width, so nothing is measured on a redraw.
const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 46, right: 14, top: 10, bottom: 40 };
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * A line chart over y in [0, 1], drawn as plain SVG: one small React render per redraw, no
 * layout reads. It is for curves redrawn while the page must stay responsive (chapter 5's live
 * training). Measured here (headless Chromium, software rendering, five runs of one epoch):
 * the same ten lines in recharts 3 cost about 2 s of main-thread React work per run, in redraws
 * of 50-70 ms (its internal store, selectors and path measuring), over the 50 ms long-task
 * budget; this chart costs about 0.15 s in all, with no task over 50 ms.
 */
export const LiveLineChart = memo(function LiveLineChart({
  series,
  markers = [],
  xEnd = 0,
  xLabel,
  formatX,
  formatY,
}: Props) {
  const xMax = Math.max(xEnd, ...series.flatMap((s) => s.points.map((p) => p.x)));
  const xTicks = niceTicks(xMax);
  const xLast = xTicks[xTicks.length - 1];
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const sx = (x: number) => PLOT.left + (x / xLast) * plotWidth;
  const sy = (y: number) => PLOT.top + (1 - y) * plotHeight;
  const last = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const p = s.points[s.points.length - 1];
      return `${s.label}: ${formatY(p.y)} at ${formatX(p.x)} ${xLabel}`;
    });
  return (
    <svg
      className="live-line-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={last.length ? last.join("; ") : "no points yet"}
    >
      <g className="grid">
        {Y_TICKS.map((y) => (
          <line key={`y${y}`} x1={PLOT.left} x2={WIDTH - PLOT.right} y1={sy(y)} y2={sy(y)} />
        ))}
        {xTicks.map((x) => (
          <line key={`x${x}`} x1={sx(x)} x2={sx(x)} y1={PLOT.top} y2={HEIGHT - PLOT.bottom} />
        ))}
      </g>
      <g className="tick-labels">
        {Y_TICKS.map((y) => (
          <text key={y} x={PLOT.left - 6} y={sy(y)} textAnchor="end" dominantBaseline="middle">
            {formatY(y)}
          </text>
        ))}
        {xTicks.map((x) => (
          <text key={x} x={sx(x)} y={HEIGHT - PLOT.bottom + 16} textAnchor="middle">
            {formatX(x)}
          </text>
        ))}
        <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle">
          {xLabel}
        </text>
      </g>
      {series.map((s) => (
        <g key={s.id} className="series" data-series={s.id}>
          <polyline
            points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ")}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash}
          />
          {s.dots &&
            s.points.map((p) => (
              <circle key={p.x} className="dot" cx={sx(p.x)} cy={sy(p.y)} r={3} fill={s.color}>
                <title>{`${s.label}: ${formatY(p.y)} at ${formatX(p.x)} ${xLabel}`}</title>
              </circle>
            ))}
        </g>
      ))}
      {markers.map((m) => (
        <g key={`${m.x}:${m.label}`} className="marker">
          <line x1={sx(m.x)} x2={sx(m.x)} y1={PLOT.top} y2={HEIGHT - PLOT.bottom} />
          <text x={sx(m.x) - 4} y={PLOT.top + 12} textAnchor="end">
            {m.label}
          </text>
        </g>
      ))}
    </svg>
  );
});
