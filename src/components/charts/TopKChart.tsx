import { memo } from "react";
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { displayName } from "../../engine/models/classNames";
import type { ClassScore } from "../../engine/types";
import { formatPercent, formatScore } from "../format";

interface Props {
  /** Accessible name of the list, e.g. "original prediction". */
  label: string;
  /** Which input these scores belong to (e.g. the epsilon level), as data-input for tests and benchmarks. */
  inputKey?: string;
  scores: ClassScore[] | null;
  /** Classes to colour: the clean answer and the target. */
  highlight: { classIndex: number | null; colour: string }[];
}

/**
 * Top-5 bars. The chart is drawn by recharts for the eye; the same numbers are
 * an ordered list for screen readers and tests ("giant panda 99.9%").
 */
export const TopKChart = memo(function TopKChart({ label, scores, highlight, inputKey }: Props) {
  const rows = (scores ?? []).map((s) => ({
    name: displayName(s.classIndex),
    p: s.probability,
    fill: highlight.find((h) => h.classIndex === s.classIndex)?.colour ?? "var(--bar)",
  }));
  return (
    <figure className="topk">
      <figcaption>{label[0].toUpperCase() + label.slice(1)}</figcaption>
      <ol aria-label={label} className="visually-hidden" data-input={inputKey}>
        {(scores ?? []).map((s) => (
          <li key={s.classIndex}>{formatScore(s)}</li>
        ))}
      </ol>
      <div className="topk-chart" aria-hidden="true">
        {rows.length > 0 ? (
          <ResponsiveContainer width="100%" height={170}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ left: 4, right: 64, top: 4, bottom: 4 }}
            >
              <XAxis type="number" domain={[0, 1]} hide />
              <YAxis type="category" dataKey="name" width={130} tickLine={false} axisLine={false} />
              <Bar dataKey="p" isAnimationActive={false} background={{ fill: "var(--bar-bg)" }}>
                {rows.map((r) => (
                  <Cell key={r.name} fill={r.fill} />
                ))}
                <LabelList
                  dataKey="p"
                  position="right"
                  formatter={(v) => formatPercent(Number(v))}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <div className="placeholder">…</div>
        )}
      </div>
    </figure>
  );
});
