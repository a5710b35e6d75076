import { memo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, OKABE_ITO, xAxisTitle } from "../../components/charts/palette";
import { formatDecimal, formatPercent } from "../../components/format";
import { ZOO, type ZooAttackId } from "../../engine/attacks/zoo/registry";

/** One bar: an attack's L2 size (or median L2) and how often it succeeded. */
export interface L2Bar {
  id: ZooAttackId;
  l2: number;
  success: number;
}

/**
 * L2 size against success, one bar per attack: the bar's length is the L2 of the change (the
 * median over successes in batch mode), its colour and label say how often it worked. The
 * attacks that find small changes that work have short blue bars; a failure is grey.
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
  const outcome = (s: number) =>
    single ? (s > 0 ? "fooled it" : "failed") : `${formatPercent(s)} success`;
  const data = bars.map((b) => ({
    name: ZOO[b.id].name,
    l2: Number.isFinite(b.l2) ? b.l2 : 0,
    success: b.success,
    label: `${formatDecimal(b.l2)} · ${outcome(b.success)}`,
  }));
  return (
    <figure className="zoo-chart">
      <figcaption>{caption}</figcaption>
      <ResponsiveContainer width="100%" height={40 + 34 * data.length}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: single ? 110 : 140, bottom: 24, left: 8 }}
        >
          <CartesianGrid stroke="var(--grid)" horizontal={false} />
          <XAxis
            type="number"
            tick={AXIS_TICK}
            label={xAxisTitle("L2 size of the change, [0,1] units")}
          />
          <YAxis type="category" dataKey="name" width={120} tick={AXIS_TICK} />
          <Bar dataKey="l2" isAnimationActive={false}>
            {data.map((d) => (
              <Cell
                key={d.name}
                fill={d.success > 0 ? OKABE_ITO.blue : "#999999"}
                fillOpacity={0.35 + 0.65 * d.success}
              />
            ))}
            <LabelList
              dataKey="label"
              position="right"
              style={{ fontSize: 12, fill: "currentColor" }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="visually-hidden" aria-label={caption}>
        <tbody>
          {data.map((d) => (
            <tr key={d.name}>
              <th scope="row">{d.name}</th>
              <td>{d.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
