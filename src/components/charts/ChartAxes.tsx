import { CHART_FONT } from "./palette";

/** A plot's margins inside its SVG, in CSS pixels. */
export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A tick: its value, where it sits (px, already scaled) and its label. */
export interface AxisTick {
  value: number;
  at: number;
  label: string;
}

/**
 * The grid lines, tick labels and x-axis title that the plain-SVG charts share. Callers scale
 * their own ticks (linear, log), so this only draws them.
 */
export function ChartAxes({
  width,
  height,
  plot,
  xTicks,
  yTicks,
  xLabel,
}: {
  width: number;
  height: number;
  plot: PlotBox;
  xTicks: readonly AxisTick[];
  yTicks: readonly AxisTick[];
  xLabel: string;
}) {
  const bottom = height - plot.bottom;
  return (
    <>
      <g className="grid">
        {yTicks.map((t) => (
          <line key={`y${t.value}`} x1={plot.left} x2={width - plot.right} y1={t.at} y2={t.at} />
        ))}
        {xTicks.map((t) => (
          <line key={`x${t.value}`} x1={t.at} x2={t.at} y1={plot.top} y2={bottom} />
        ))}
      </g>
      <g className="tick-labels">
        {yTicks.map((t) => (
          <text key={t.value} x={plot.left - 6} y={t.at} textAnchor="end" dominantBaseline="middle">
            {t.label}
          </text>
        ))}
        {xTicks.map((t) => (
          <text key={t.value} x={t.at} y={bottom + 18} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <text
          x={(plot.left + width - plot.right) / 2}
          y={height - 6}
          textAnchor="middle"
          fontSize={CHART_FONT.label}
        >
          {xLabel}
        </text>
      </g>
    </>
  );
}
