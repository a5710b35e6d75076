import { memo } from "react";
import { displayName } from "../../engine/models/classNames";
import type { ClassScore } from "../../engine/types";
import { formatPercent } from "../format";

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
 * Top-5 bars as an ordered list ("giant panda 99.95%" per item, for screen readers and tests)
 * whose items draw their own bar: plain HTML, so names wrap instead of being clipped at any
 * width, and a slider move re-renders five rows, not a chart.
 */
export const TopKChart = memo(function TopKChart({ label, scores, highlight, inputKey }: Props) {
  return (
    <figure className="topk">
      <figcaption>{label[0].toUpperCase() + label.slice(1)}</figcaption>
      {scores ? (
        <ol aria-label={label} className="topk-bars" data-input={inputKey}>
          {scores.map((s) => {
            const colour = highlight.find((h) => h.classIndex === s.classIndex)?.colour;
            return (
              <li key={s.classIndex} className={colour ? "marked" : undefined}>
                <span className="topk-name">{displayName(s.classIndex)}</span>{" "}
                <span className="topk-bar" aria-hidden="true">
                  <span
                    style={{
                      width: `${Math.max(0.5, s.probability * 100)}%`,
                      background: colour ?? "var(--bar)",
                    }}
                  />
                </span>
                <span className="topk-value">{formatPercent(s.probability)}</span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="topk-bars placeholder">…</p>
      )}
    </figure>
  );
});
