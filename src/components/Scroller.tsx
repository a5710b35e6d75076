import "./Scroller.css";
import { type ReactNode, useEffect, useRef, useState } from "react";

type Overflow = "none" | "start" | "middle" | "end";

/** Where the content sits in its box: fits, or scrolled to the start, the middle or the end. */
function overflowOf(el: HTMLElement): Overflow {
  const hidden = el.scrollWidth - el.clientWidth;
  if (hidden <= 1) return "none";
  if (el.scrollLeft <= 1) return "start";
  return el.scrollLeft >= hidden - 1 ? "end" : "middle";
}

/**
 * A box that scrolls sideways when its content (a formula, a table) is wider than the page, and
 * says so: while the content overflows, the hidden side fades out and a small "scroll" label
 * appears (`data-scroll-cue`), and the box becomes a focusable, named region that the arrow keys
 * scroll. When the content fits, it is a plain block with no cue. It re-measures when its box or
 * its content changes size, or the content changes.
 */
export function Scroller({
  children,
  label,
  className,
}: {
  children: ReactNode;
  /** What scrolls, for screen readers ("formula", "cost table"). */
  label: string;
  className?: string;
}) {
  const body = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>("none");
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setOverflow(overflowOf(el)));
    };
    const resize = new ResizeObserver(measure);
    const observeChildren = () => {
      resize.disconnect();
      resize.observe(el);
      for (const child of el.children) resize.observe(child);
    };
    observeChildren();
    // Content filled in later (KaTeX, table cells) can widen it without resizing the box.
    const mutation = new MutationObserver(() => {
      observeChildren();
      measure();
    });
    mutation.observe(el, { childList: true, subtree: true, characterData: true });
    measure();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutation.disconnect();
    };
  }, []);
  const scrolls = overflow !== "none";
  return (
    <div
      className={className ? `scroller ${className}` : "scroller"}
      data-scroller=""
      data-overflow={overflow}
    >
      <div
        ref={body}
        className="scroller-body"
        // Only a box that scrolls is a named, focusable region: the keyboard can scroll it.
        {...(scrolls
          ? { role: "region", tabIndex: 0, "aria-label": `${label} (scrolls sideways)` }
          : {})}
        onScroll={(e) => setOverflow(overflowOf(e.currentTarget))}
      >
        {children}
      </div>
      {scrolls && (
        <span className="scroll-cue" data-scroll-cue="" aria-hidden="true">
          {overflow === "end" ? "← scroll" : "scroll →"}
        </span>
      )}
    </div>
  );
}
