import { type RefObject, useEffect, useRef, useState } from "react";

/** Until the box is measured (and in tests without layout), a chart is drawn this wide. */
const DEFAULT_WIDTH = 560;

/**
 * The width of an element's content box in CSS pixels, kept up to date (it changes on resize
 * only), for charts drawn as plain SVG at their box's width.
 */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
