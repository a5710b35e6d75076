import { isWord } from "../../engine/text/tokens";
import type { SwapView } from "../../workers/digits/wordSwapApi";

const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(3)}`;

/**
 * A sentence as the classifier read it, token by token: swapped words marked (with the word
 * they replaced), swappable ones underlined.
 */
export function TokenLine({
  tokens,
  swappable = [],
  swapped = [],
}: {
  tokens: string[];
  swappable?: number[];
  swapped?: SwapView[];
}) {
  const open = new Set(swappable);
  const at = new Map(swapped.map((s) => [s.position, s]));
  return (
    <q className="token-line">
      {tokens.map((t, i) => {
        const space = i > 0 && isWord(t) ? " " : "";
        const swap = at.get(i);
        const key = `${i}-${t}`;
        if (swap) {
          return (
            <span key={key}>
              {space}
              <mark title={`was “${swap.from}”`}>{t}</mark>
              <span className="visually-hidden"> (swapped from {swap.from})</span>
            </span>
          );
        }
        return (
          <span key={key}>
            {space}
            <span className={open.has(i) ? "swappable" : undefined}>{t}</span>
          </span>
        );
      })}
    </q>
  );
}

/** Each swap in the order the search made it: the first-order estimate beside the real change. */
export function SwapTable({ swaps }: { swaps: SwapView[] }) {
  return (
    <table className="swap-table" aria-label="swaps">
      <thead>
        <tr>
          <th scope="col">Swap</th>
          <th scope="col">Estimated Δ loss</th>
          <th scope="col">Actual Δ loss</th>
        </tr>
      </thead>
      <tbody>
        {swaps.map((s) => (
          <tr key={s.position}>
            <td>
              {s.from} → {s.to} (word {s.position + 1})
            </td>
            <td>{signed(s.estimated)}</td>
            <td>{signed(s.actual)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
