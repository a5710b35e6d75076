import { useEffect, useState } from "react";

/**
 * The id of the chapter the reader is in: the one whose slot (App's `[data-chapter]`, which
 * outlives a chapter's loading placeholder) crosses a line 35% down the viewport. One
 * IntersectionObserver with a one-pixel-high root margin band; no scroll handler.
 */
export function useCurrentChapter(ids: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        const hit = entries.find((e) => e.isIntersecting);
        if (hit?.target instanceof HTMLElement) setCurrent(hit.target.dataset.chapter ?? null);
      },
      { rootMargin: "-35% 0px -64% 0px" },
    );
    for (const id of ids) {
      const slot = document.querySelector(`[data-chapter="${id}"]`);
      if (slot) observer.observe(slot);
    }
    return () => observer.disconnect();
  }, [ids]);
  return current;
}
