import { type RefObject, useEffect } from "react";

/**
 * Calls `onVisible` once, the first time the element scrolls near the viewport, so chapters
 * further down start their (costly) computations only for readers who get there. The element
 * is then marked `data-started` (for tests, and for anyone inspecting the page).
 */
export function useWhenVisible(ref: RefObject<Element | null>, onVisible: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") {
      el.setAttribute("data-started", "");
      onVisible();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        el.setAttribute("data-started", "");
        onVisible();
      },
      { rootMargin: "0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, onVisible]);
}
