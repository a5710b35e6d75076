import { type RefObject, useEffect } from "react";

/**
 * Calls `onChange(true)` when the element scrolls into view and `onChange(false)` when it leaves,
 * so a chapter's background work can pause while nobody looks at it.
 */
export function useInView(ref: RefObject<Element | null>, onChange?: (inView: boolean) => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !onChange || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, onChange]);
}
