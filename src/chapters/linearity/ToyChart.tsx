import { memo } from "react";
import { ChartAxes } from "../../components/charts/ChartAxes";
import { niceTicks } from "../../components/charts/niceTicks";
import { CHART_FONT } from "../../components/charts/palette";
import { useWidth } from "../../components/charts/useWidth";
import { MAX_DIMENSION } from "../../engine/digits/linearToy";

interface Point {
  n: number;
  change: number;
}

const HEIGHT = 240;
const PLOT = { left: 52, right: 22, top: 20, bottom: 44 };
const X_TICKS = [1, 10, 100, 1_000, 10_000, 100_000];
/** Axis ticks as short as they can be: 0.01, 0.1, 1, 10, 1,000. */
const tickText = (v: number) => Number(v.toPrecision(2)).toLocaleString("en");

/** The y axis: powers of ten around the values on a log scale (at most 6), else round steps. */
function yAxis(values: readonly number[], log: boolean) {
  const max = Math.max(...values);
  if (!log) {
    const ticks = niceTicks(max);
    return { ticks, at: (v: number) => v / ticks[ticks.length - 1] };
  }
  const lo = Math.floor(Math.log10(Math.min(...values.filter((v) => v > 0))));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.ceil((hi - lo + 1) / 6);
  const ticks = [];
  for (let k = lo; k <= hi; k += every) ticks.push(10 ** k);
  return { ticks, at: (v: number) => (Math.log10(v) - lo) / (hi - lo || 1) };
}

/**
 * The linear unit's change w·η against its width n, on a log n axis (and a log or linear w·η
 * axis), with the named input sizes marked and the slider's n as a larger dot. Plain SVG, like
 * LiveLineChart: the dimension slider redraws it on every move, and recharts cost the chapter a
 * 40-60 ms render each time (measured in a CPU profile of its arrival).
 */
export const ToyChart = memo(function ToyChart({
  points,
  named,
  current,
  logY,
}: {
  points: readonly Point[];
  named: readonly (Point & { name: string })[];
  current: Point;
  logY: boolean;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const plotWidth = width - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = yAxis(
    points.map((p) => p.change),
    logY,
  );
  const sx = (n: number) => PLOT.left + (Math.log10(n) / Math.log10(MAX_DIMENSION)) * plotWidth;
  const sy = (v: number) => PLOT.top + (1 - y.at(v)) * plotHeight;
  return (
    <div className="live-line-chart" ref={box}>
      {/* The figure around it is the image, named by its summary. */}
      <svg
        aria-hidden="true"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        fontSize={CHART_FONT.tick}
      >
        <ChartAxes
          width={width}
          height={HEIGHT}
          plot={PLOT}
          xTicks={X_TICKS.map((n) => ({ value: n, at: sx(n), label: n.toLocaleString("en") }))}
          yTicks={y.ticks.map((v) => ({ value: v, at: sy(v), label: tickText(v) }))}
          xLabel="inputs n (log scale)"
        />
        <polyline
          points={points.map((p) => `${sx(p.n)},${sy(p.change)}`).join(" ")}
          fill="none"
          stroke="var(--adv)"
          strokeWidth={2.5}
        />
        {named.map((p, i) => {
          // Labels above their dots, the first two leaning apart (they sit close on a linear
          // axis); the last (ImageNet) sits at the top right corner, so its name goes left.
          const last = i === named.length - 1;
          const anchor = last || i === 0 ? "end" : "start";
          const dx = last ? -8 : i === 0 ? 2 : -2;
          return (
            <g key={p.n} className="named-size">
              <circle cx={sx(p.n)} cy={sy(p.change)} r={4} fill="var(--accent)" />
              <text
                x={sx(p.n) + dx}
                y={sy(p.change) + (last ? 4 : -9)}
                textAnchor={anchor}
                fontSize={CHART_FONT.note}
              >
                {p.name.split(" ")[0]}
              </text>
            </g>
          );
        })}
        <circle cx={sx(current.n)} cy={sy(current.change)} r={6} fill="var(--adv)" stroke="white" />
      </svg>
    </div>
  );
});
