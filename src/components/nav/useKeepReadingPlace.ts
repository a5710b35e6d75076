import { type RefObject, useEffect } from "react";

/**
 * Keeps the chapter being read where it is on screen while chapters above it change height
 * (a chapter's code arriving in place of its short placeholder, a table filling in). The
 * browser's own scroll anchoring loses its anchor when a placeholder is replaced; this one
 * anchors on App's stable chapter slots (`[data-chapter]`), and only corrects what the browser
 * did not.
 */
export function useKeepReadingPlace(main: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = main.current;
    if (!root || typeof ResizeObserver === "undefined") return;
    const slots = () => [...root.querySelectorAll<HTMLElement>("[data-chapter]")];
    let anchor: { slot: HTMLElement; top: number } | null = null;
    /** The slot being read (the one across a line 35% down the viewport, as the table of
     * contents has it), and where it is. */
    const mark = () => {
      const line = window.innerHeight * 0.35;
      const slot = slots().find((s) => s.getBoundingClientRect().bottom > line);
      anchor = slot ? { slot, top: slot.getBoundingClientRect().top } : null;
    };
    // Resize observations arrive after layout, before paint, and before the scroll event of any
    // adjustment the browser made itself: a delta left here is one it did not make.
    const restore = () => {
      if (!anchor) return;
      const delta = anchor.slot.getBoundingClientRect().top - anchor.top;
      if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
      mark();
    };
    mark();
    window.addEventListener("scroll", mark, { passive: true });
    const resizes = new ResizeObserver(restore);
    for (const slot of slots()) resizes.observe(slot);
    return () => {
      window.removeEventListener("scroll", mark);
      resizes.disconnect();
    };
  }, [main]);
}
