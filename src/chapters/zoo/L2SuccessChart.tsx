import { memo } from "react";
import { niceTicks } from "../../components/charts/niceTicks";
import { CHART_FONT, OKABE_ITO } from "../../components/charts/palette";
import { useWidth } from "../../components/charts/useWidth";
import { formatDecimal, formatPercent } from "../../components/format";
import { ZOO, type ZooAttackId } from "../../engine/attacks/zoo/registry";

/** One bar: an attack's L2 size (or median L2) and how often it succeeded. */
export interface L2Bar {
  id: ZooAttackId;
  l2: number;
  success: number;
}

const ROW = 28;
const PLOT = { left: 118, right: 150, top: 6, bottom: 40 };

/**
 * L2 size against success, one bar per attack, as plain SVG (it redraws while a comparison
 * fills in, and recharts' redraws cost 50-100 ms of main thread here): the bar's length is the
 * L2 of the change (the median over successes in batch mode); its colour and label say how often
 * it worked. Attacks that find small changes that work have short blue bars; failures are grey.
 */
export const L2SuccessChart = memo(function L2SuccessChart({
  bars,
  caption,
  single = false,
}: {
  bars: readonly L2Bar[];
  caption: string;
  /** One image: success is yes or no, not a rate. */
  single?: boolean;
}) {
  const [box, width] = useWidth<HTMLDivElement>();
  const outcome = (s: number) =>
    single ? (s > 0 ? "fooled it" : "failed") : `${formatPercent(s)} success`;
  const rows = bars.map((b) => ({
    name: ZOO[b.id].name,
    l2: Number.isFinite(b.l2) ? b.l2 : 0,
    success: b.success,
    label: `${Number.isFinite(b.l2) ? formatDecimal(b.l2) : "–"} · ${outcome(b.success)}`,
  }));
  const ticks = niceTicks(Math.max(1e-3, ...rows.map((r) => r.l2)), 4);
  const end = ticks[ticks.length - 1];
  const plotWidth = Math.max(40, width - PLOT.left - PLOT.right);
  const x = (v: number) => PLOT.left + (plotWidth * v) / end;
  const height = PLOT.top + ROW * rows.length + PLOT.bottom;
  return (
    <figure className="zoo-chart">
      <figcaption>{caption}</figcaption>
      <div ref={box}>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={caption}
          fontSize={CHART_FONT.tick}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={PLOT.top}
                y2={height - PLOT.bottom}
                stroke="var(--grid)"
              />
              <text x={x(t)} y={height - PLOT.bottom + 16} textAnchor="middle" fill="currentColor">
                {formatDecimal(t)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = PLOT.top + i * ROW;
            return (
              <g key={r.name}>
                <text x={PLOT.left - 6} y={y + ROW / 2 + 4} textAnchor="end" fill="currentColor">
                  {r.name}
                </text>
                <rect
                  x={PLOT.left}
                  y={y + 4}
                  width={Math.max(1, x(r.l2) - PLOT.left)}
                  height={ROW - 8}
                  fill={r.success > 0 ? OKABE_ITO.blue : "#999999"}
                  fillOpacity={0.35 + 0.65 * r.success}
                />
                <text x={x(r.l2) + 6} y={y + ROW / 2 + 4} fill="currentColor">
                  {r.label}
                </text>
              </g>
            );
          })}
          <text
            x={PLOT.left + plotWidth / 2}
            y={height - 6}
            textAnchor="middle"
            fill="currentColor"
          >
            L2 size of the change, [0,1] units
          </text>
        </svg>
      </div>
      <table className="visually-hidden" aria-label={caption}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
