import { CHART_FONT } from "../../components/charts/palette";

const W = 300;
const H = 120;
const PAD = { left: 8, right: 8, top: 14, bottom: 20 };

/**
 * The noisy votes per class as bars (plain SVG, ten of them): the top class's bar in the accent
 * colour, each bar's count above it. Its text alternative names every class that got a vote.
 */
export function VoteHistogram({ votes, top }: { votes: readonly number[]; top: number }) {
  const total = votes.reduce((a, b) => a + b, 0);
  const most = Math.max(1, ...votes);
  const slot = (W - PAD.left - PAD.right) / votes.length;
  const plot = H - PAD.top - PAD.bottom;
  const summary = votes
    .map((v, k) => ({ v, k }))
    .filter(({ v }) => v > 0)
    .sort((a, b) => b.v - a.v)
    .map(({ v, k }) => `${k}: ${v.toLocaleString("en-US")}`)
    .join(", ");
  return (
    <svg
      className="vote-histogram"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Votes of ${total.toLocaleString("en-US")} noisy copies by class: ${summary}`}
    >
      {votes.map((v, k) => {
        const h = (v / most) * plot;
        const x = PAD.left + k * slot;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the classes 0-9 are the bars' identity
          <g key={k}>
            <rect
              x={x + slot * 0.15}
              y={PAD.top + plot - h}
              width={slot * 0.7}
              height={h}
              className={k === top ? "bar top" : "bar"}
            />
            <text x={x + slot / 2} y={H - 6} textAnchor="middle" fontSize={CHART_FONT.tick}>
              {k}
            </text>
            {v > 0 && (
              <text
                x={x + slot / 2}
                y={PAD.top + plot - h - 3}
                textAnchor="middle"
                fontSize={CHART_FONT.note}
              >
                {v < 1000 ? v : `${(v / 1000).toFixed(v < 10_000 ? 1 : 0)}k`}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
