import { type RefObject, useEffect } from "react";

/**
 * Keeps a CSS custom property on <html> equal to an element's height in px (e.g. the sticky
 * masthead's, which grows when a notice wraps), so scroll margins and the rail clear it.
 */
export function useHeightVariable(ref: RefObject<HTMLElement | null>, name: string): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty(name, `${el.getBoundingClientRect().height}px`),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, name]);
}
