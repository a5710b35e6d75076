import { useEffect, useRef } from "react";
import { yieldToBrowser } from "../lib/yieldToBrowser";
import { Scroller } from "./Scroller";

/** KaTeX, fetched with the first formula on screen (chapter 1 predicts without waiting for it). */
let katex: Promise<typeof import("katex").default> | null = null;

/** Formulas waiting to be typeset, in the order they mounted. */
const queue: ((k: typeof import("katex").default) => void)[] = [];
let draining = false;
/** Typesetting time per task. A chapter's formulas all mount at once: typeset together, they
 * were the 60-100 ms React tasks of chapters 2-6's arrival (gone since they are sliced). */
const SLICE_MS = 12;

async function drain(): Promise<void> {
  draining = true;
  try {
    katex ??= import("katex").then((m) => m.default);
    const k = await katex;
    while (queue.length > 0) {
      const until = performance.now() + SLICE_MS;
      while (queue.length > 0 && performance.now() < until) queue.shift()?.(k);
      if (queue.length > 0) await yieldToBrowser();
    }
  } catch {
    katex = null; // its chunk did not arrive: the next formula to mount tries again
  } finally {
    draining = false;
  }
}

/** Typesets `tex` into `el` in a later slice; the returned function cancels it. */
function typesetSoon(tex: string, el: HTMLElement, display: boolean): () => void {
  let current = true;
  queue.push((k) => {
    if (current) k.render(tex, el, { displayMode: display, throwOnError: false });
  });
  if (!draining) void drain();
  return () => {
    current = false;
  };
}

/** One KaTeX rendering into a span (empty until its turn to be typeset comes). */
function Typeset({ tex, display }: { tex: string; display: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) return typesetSoon(tex, ref.current, display);
  }, [tex, display]);
  return <span ref={ref} className={display ? "tex-piece" : undefined} />;
}

/**
 * Typesets TeX with KaTeX, inline or as a display block. A block may come in pieces (an
 * equation and its definitions): they sit side by side where there is room and stack on a
 * narrow screen. A piece still wider than the page scrolls sideways, with a visible cue.
 */
export function Tex({
  children,
  block = false,
}: {
  children: string | readonly string[];
  block?: boolean;
}) {
  if (!block)
    return (
      <Typeset tex={typeof children === "string" ? children : children.join(" ")} display={false} />
    );
  const pieces = typeof children === "string" ? [children] : children;
  return (
    <Scroller className="tex-block" label="formula">
      <span className="tex-pieces">
        {pieces.map((tex) => (
          <Typeset key={tex} tex={tex} display />
        ))}
      </span>
    </Scroller>
  );
}
