import { useEffect, useRef } from "react";
import { Scroller } from "./Scroller";

/** KaTeX, fetched with the first formula on screen (chapter 1 predicts without waiting for it). */
let katex: Promise<typeof import("katex").default> | null = null;

/** One KaTeX rendering into a span (empty for the moment KaTeX takes to arrive). */
function Typeset({ tex, display }: { tex: string; display: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let current = true;
    katex ??= import("katex").then((m) => m.default);
    void katex.then((k) => {
      if (current && ref.current)
        k.render(tex, ref.current, { displayMode: display, throwOnError: false });
    });
    return () => {
      current = false;
    };
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
