import { type RefObject, useEffect } from "react";

/**
 * Calls `onVisible` once, when the element has stayed in view for `DWELL_MS`, so chapters
 * further down start their (costly) computations only for readers who stop there. The element
 * is then marked `data-started` (for tests, and for anyone inspecting the page).
 */
export function useWhenVisible(ref: RefObject<Element | null>, onVisible?: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !onVisible) return;
    const start = () => {
      el.setAttribute("data-started", "");
      onVisible();
    };
    if (typeof IntersectionObserver === "undefined") {
      start();
      return;
    }
    let dwell: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        clearTimeout(dwell);
        if (!entries[entries.length - 1].isIntersecting) return;
        dwell = setTimeout(() => {
          observer.disconnect();
          start();
        }, DWELL_MS);
      },
      { rootMargin: belowMasthead() },
    );
    observer.observe(el);
    return () => {
      clearTimeout(dwell);
      observer.disconnect();
    };
  }, [ref, onVisible]);
}

/**
 * How long a chapter must stay in view to start. A jump to a chapter renders the ones above it
 * at their real height (off screen they were 2,400 px placeholders, `content-visibility`), and
 * for a frame or two before the reading place is restored the chapter above can show (CI: a
 * jump to chapter 5 started chapter 4). A reader scrolling past a chapter does not start it either.
 */
const DWELL_MS = 300;

/** The viewport less the sticky masthead, as an IntersectionObserver root margin: a jump to a
 * chapter leaves the end of the one before it under the masthead, unseen (and at 1,280 px only
 * 9 px above the viewport, so a layout shift would otherwise start it). */
function belowMasthead(): string {
  const height = Number.parseFloat(
    getComputedStyle(document.documentElement).getPropertyValue("--masthead-height"),
  );
  return `-${Math.round(height) || 0}px 0px 0px 0px`;
}
