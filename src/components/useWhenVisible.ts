import { type RefObject, useEffect } from "react";

/**
 * Calls `onVisible` once, the first time the element scrolls near the viewport, so chapters
 * further down start their (costly) computations only for readers who get there.
 */
export function useWhenVisible(ref: RefObject<Element | null>, onVisible: () => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") {
      onVisible();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        onVisible();
      },
      { rootMargin: "0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, onVisible]);
}
