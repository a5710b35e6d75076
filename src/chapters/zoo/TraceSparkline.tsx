import { formatDecimal } from "../../components/format";
import type { TracePoint } from "../../engine/attacks/zoo/trace";

const W = 96;
const H = 28;

/**
 * An attack's loss over its iterations as a small line (plain SVG), described in words for
 * screen readers: where the loss started and ended, over how many iterations.
 */
export function TraceSparkline({ trace, name }: { trace: readonly TracePoint[]; name: string }) {
  if (trace.length === 0) return <span className="hint">one step</span>;
  const last = trace[trace.length - 1];
  const losses = trace.map((t) => t.loss);
  const [lo, hi] = [Math.min(...losses), Math.max(...losses)];
  const x = (step: number) => (W * step) / Math.max(1, last.step);
  const y = (loss: number) => (hi > lo ? H - 2 - ((H - 4) * (loss - lo)) / (hi - lo) : H / 2);
  const points = [{ step: 0, loss: trace[0].loss }, ...trace]
    .map((t) => `${x(t.step).toFixed(1)},${y(t.loss).toFixed(1)}`)
    .join(" ");
  const summary = `${name}: loss ${formatDecimal(trace[0].loss)} after the first iteration, ${formatDecimal(last.loss)} after ${last.step}`;
  return (
    <svg
      className="trace-sparkline"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
