import "./Scroller.css";
import { type ReactNode, useEffect, useRef } from "react";

type Overflow = "none" | "start" | "middle" | "end";

/** Where the content sits in its box: fits, or scrolled to the start, the middle or the end. */
function overflowOf(el: HTMLElement): Overflow {
  const hidden = el.scrollWidth - el.clientWidth;
  if (hidden <= 1) return "none";
  if (el.scrollLeft <= 1) return "start";
  return el.scrollLeft >= hidden - 1 ? "end" : "middle";
}

/**
 * Marks the box for CSS (fade edge and cue) and, while it scrolls, makes it a named region the
 * keyboard can reach. Written straight to the DOM, in the observer's callback: a cue that waited
 * for a React render could lag a resize by a busy frame or two.
 */
function mark(wrapper: HTMLElement, body: HTMLElement, label: string): void {
  const overflow = overflowOf(body);
  if (wrapper.dataset.overflow === overflow) return;
  wrapper.dataset.overflow = overflow;
  if (overflow === "none") {
    for (const name of ["role", "tabindex", "aria-label"]) body.removeAttribute(name);
    return;
  }
  body.setAttribute("role", "region");
  body.setAttribute("tabindex", "0");
  body.setAttribute("aria-label", `${label} (scrolls sideways)`);
}

/**
 * A box that scrolls sideways when its content (a formula, a table) is wider than the page, and
 * says so: while the content overflows, the hidden side fades out and a small "scroll" cue shows
 * (`data-scroll-cue`), and the box becomes a focusable, named region that the arrow keys
 * scroll. When the content fits, it is a plain block with no cue. It re-measures when its box or
 * its content changes size, and as it is scrolled.
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
  const wrapper = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const outer = wrapper.current;
    const el = body.current;
    if (!outer || !el) return;
    const measure = () => mark(outer, el, label);
    // The box and its content are both observed: content filled in later (KaTeX, table cells)
    // can widen it without resizing the box. Observer callbacks come after layout, so reading
    // the widths there forces none (a live table's updates stay cheap).
    const resize = new ResizeObserver(measure);
    const observeChildren = () => {
      resize.disconnect();
      resize.observe(el);
      for (const child of el.children) resize.observe(child);
    };
    observeChildren();
    const mutation = new MutationObserver(observeChildren);
    mutation.observe(el, { childList: true });
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      resize.disconnect();
      mutation.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, [label]);
  return (
    <div
      ref={wrapper}
      className={className ? `scroller ${className}` : "scroller"}
      data-scroller=""
      data-overflow="none"
    >
      <div ref={body} className="scroller-body">
        {children}
      </div>
      <span className="scroll-cue" data-scroll-cue="" aria-hidden="true" />
    </div>
  );
}
