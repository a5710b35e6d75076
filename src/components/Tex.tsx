import katex from "katex";
import { useEffect, useRef } from "react";

/** Typesets TeX with KaTeX, inline or as a display block. */
export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current)
      katex.render(children, ref.current, { displayMode: block, throwOnError: false });
  }, [children, block]);
  return <span ref={ref} className={block ? "tex-block" : undefined} />;
}
