import { memo, useId } from "react";
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { CHART_FONT } from "../../components/charts/palette";
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
          <ResponsiveContainer width="100%" height={150}>
            <BarChart data={rows} margin={{ left: 4, right: 4, top: 18, bottom: 0 }}>
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
              <XAxis
                dataKey="digit"
                tickLine={false}
                axisLine={false}
                interval={0}
                tick={{ fontSize: CHART_FONT.tick + 1 }}
              />
              <YAxis type="number" domain={[0, 1]} hide />
              <Bar dataKey="p" isAnimationActive={false} background={{ fill: "var(--bar-bg)" }}>
                {rows.map((r) => (
                  <Cell key={r.digit} fill={r.fill} />
                ))}
                <LabelList
                  dataKey="p"
                  position="top"
                  fontSize={CHART_FONT.note}
                  formatter={(v) => (Number(v) >= 0.05 ? `${Math.round(Number(v) * 100)}%` : "")}
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
