import { memo } from "react";
import { ChartAxes } from "./ChartAxes";
import { niceTicks } from "./niceTicks";
import { CHART_FONT, type MarkerShape } from "./palette";
import { Marker } from "./SeriesKey";
import { useWidth } from "./useWidth";

export interface LineSeries {
  id: string;
  /** Names the line in the markers' tooltips and the chart's description. */
  label: string;
  color: string;
  /** SVG stroke-dasharray of the line, e.g. "5 4" (solid when absent). */
  dash?: string;
  /** A marker of this shape at every point (with a hover tooltip). */
  marker?: MarkerShape;
  /** Markers white inside (a second metric of the same run). */
  hollow?: boolean;
  /** Below 1: drawn faint (e.g. a curve being re-measured). */
  opacity?: number;
  points: readonly { x: number; y: number }[];
}

/** A vertical rule at x with a short label (an event on the x axis). */
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
  /** Labels the x ticks, where they want fewer characters than a point's value (default formatX). */
  formatXTick?: (x: number) => string;
  /** Labels the y ticks; the y axis runs over [0, 1] unless `yMax` is given. */
  formatY: (y: number) => string;
  /** The y axis runs over [0, yMax], rounded up to a tick (losses, distances). */
  yMax?: number;
  /** Fixed x ticks from 0 (the last is the axis end); default: round ones for the points. */
  xTicks?: readonly number[];
  /** Clicking the plot reports the x under the pointer (e.g. to jump there). */
  onPickX?: (x: number) => void;
}

const HEIGHT = 240;
// Room for the tick labels in CSS pixels ("100%" on the left, half a number past the last x tick).
const PLOT = { left: 44, right: 22, top: 16, bottom: 44 };
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Fewer x ticks on a phone, so their labels never touch. */
const xTickCount = (plotWidth: number) => (plotWidth < 320 ? 3 : 5);

/**
 * A line chart over y in [0, 1], drawn as plain SVG at its box's width in CSS pixels, so its
 * text stays readable on a phone and on a projector: one small React render per redraw, and a
 * measurement only when the box resizes. It is for curves redrawn while the page must stay
 * responsive (chapter 5's live training). Measured here (headless Chromium, software
 * rendering, five runs of one epoch): the same ten lines in recharts 3 cost about 2 s of
 * main-thread React work per run, in redraws of 50-70 ms (its internal store, selectors and
 * path measuring), over the 50 ms long-task budget; this chart costs about 0.15 s in all, with
 * no task over 50 ms. Its key is the caller's (SeriesKey), outside the plot.
 */
export const LiveLineChart = memo(function LiveLineChart({
  series,
  markers = [],
  xEnd = 0,
  xLabel,
  formatX,
  formatXTick = formatX,
  formatY,
  xTicks: fixedTicks,
  onPickX,
  yMax,
}: Props) {
  const [box, width] = useWidth<HTMLDivElement>();
  const plotWidth = width - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const xMax = Math.max(xEnd, ...series.flatMap((s) => s.points.map((p) => p.x)));
  const xTicks = fixedTicks ?? niceTicks(xMax, xTickCount(plotWidth));
  const xLast = xTicks[xTicks.length - 1];
  const sx = (x: number) => PLOT.left + (x / xLast) * plotWidth;
  const yTicks = yMax === undefined ? Y_TICKS : niceTicks(yMax, 4);
  const yTop = yTicks[yTicks.length - 1];
  const sy = (y: number) => PLOT.top + (1 - y / yTop) * plotHeight;
  const last = series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const p = s.points[s.points.length - 1];
      return `${s.label}: ${formatY(p.y)} at ${formatX(p.x)} ${xLabel}`;
    });
  return (
    <div className="live-line-chart" ref={box}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; the keyboard's way to the same values is the caller's control (chapter 1's ε slider) */}
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={last.length ? last.join("; ") : "no points yet"}
        fontSize={CHART_FONT.tick}
        onClick={
          onPickX &&
          ((e) => {
            const left = e.currentTarget.getBoundingClientRect().left;
            onPickX(((e.clientX - left - PLOT.left) / plotWidth) * xLast);
          })
        }
      >
        <ChartAxes
          width={width}
          height={HEIGHT}
          plot={PLOT}
          xTicks={xTicks.map((x) => ({ value: x, at: sx(x), label: formatXTick(x) }))}
          yTicks={yTicks.map((y) => ({ value: y, at: sy(y), label: formatY(y) }))}
          xLabel={xLabel}
        />
        {series.map((s) => (
          <g key={s.id} className="series" data-series={s.id} opacity={s.opacity}>
            <polyline
              points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ")}
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              strokeDasharray={s.dash}
            />
            {s.marker &&
              s.points.map((p) => (
                <Marker
                  key={p.x}
                  className="dot"
                  shape={s.marker as MarkerShape}
                  x={sx(p.x)}
                  y={sy(p.y)}
                  color={s.color}
                  hollow={s.hollow}
                >
                  <title>{`${s.label}: ${formatY(p.y)} at ${formatX(p.x)} ${xLabel}`}</title>
                </Marker>
              ))}
          </g>
        ))}
        {markers.map((m) => {
          // The label sits on the side of the rule with more room.
          const right = sx(m.x) < PLOT.left + plotWidth / 2;
          return (
            <g key={`${m.x}:${m.label}`} className="marker">
              <line x1={sx(m.x)} x2={sx(m.x)} y1={PLOT.top} y2={HEIGHT - PLOT.bottom} />
              <text
                x={sx(m.x) + (right ? 4 : -4)}
                y={PLOT.top - 4}
                textAnchor={right ? "start" : "end"}
                fontSize={CHART_FONT.note}
              >
                {m.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
});
