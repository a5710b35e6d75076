import type { Page } from "@playwright/test";

/** One layout fault, named so that a failure message points at the element. */
export interface LayoutFault {
  chapter: string;
  kind: "overflowing text" | "past the right edge" | "svg text outside its svg";
  what: string;
}

/**
 * Audits the page as laid out now, chapter by chapter (every `article.chapter`, plus the
 * masthead and the table of contents). A fault is:
 * - a text element (one with text of its own, or a form control) whose content is wider than
 *   its box (scrollWidth > clientWidth), unless it sits in a deliberate scroller: an element
 *   marked `data-scroller` that shows its cue (`[data-scroll-cue]`, visible) while it overflows;
 * - a text element whose box reaches past the right edge of the viewport;
 * - an SVG `<text>` whose box is not inside its outermost `<svg>`.
 * Hidden elements (no box, or visually hidden) are skipped.
 */
export function auditLayout(page: Page): Promise<{ docOverflow: number; faults: LayoutFault[] }> {
  return page.evaluate(() => {
    const faults: { chapter: string; kind: string; what: string }[] = [];
    const viewport = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const cls = typeof el.className === "string" && el.className ? `.${el.className}` : "";
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    const hidden = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width <= 1 || r.height <= 1 || el.closest(".visually-hidden") !== null;
    };
    const hasOwnText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const inDeliberateScroller = (el: Element) => {
      const scroller = el.closest("[data-scroller]");
      if (!scroller || scroller === el) return false;
      const cue = scroller.querySelector("[data-scroll-cue]");
      return cue !== null && !hidden(cue);
    };
    const isScrollerWithCue = (el: Element) => {
      if (!el.hasAttribute("data-scroller")) return false;
      const cue = el.querySelector("[data-scroll-cue]");
      return cue !== null && !hidden(cue);
    };
    const regions = [
      ...document.querySelectorAll("header.masthead, nav[aria-label], article.chapter"),
    ];
    for (const region of regions) {
      const chapter = region.id || region.getAttribute("aria-label") || region.tagName;
      for (const el of region.querySelectorAll("*")) {
        if (el instanceof SVGElement || hidden(el) || el.closest(".katex")) continue;
        const control = /^(INPUT|SELECT|BUTTON|TEXTAREA)$/.test(el.tagName);
        if (!control && !hasOwnText(el) && !isScrollerWithCue(el)) continue;
        if (inDeliberateScroller(el)) continue;
        const style = getComputedStyle(el);
        const block = style.display !== "inline" && style.display !== "contents";
        if (
          block &&
          !isScrollerWithCue(el) &&
          el.clientWidth > 0 &&
          el.scrollWidth > el.clientWidth + 1
        )
          faults.push({
            chapter,
            kind: "overflowing text",
            what: `${name(el)} ${el.scrollWidth}>${el.clientWidth}`,
          });
        const right = el.getBoundingClientRect().right;
        if (right > viewport + 1)
          faults.push({
            chapter,
            kind: "past the right edge",
            what: `${name(el)} right ${Math.round(right)} > ${viewport}`,
          });
      }
      for (const text of region.querySelectorAll("svg text")) {
        if (hidden(text) || !(text.textContent ?? "").trim()) continue;
        let svg = text.closest("svg") as SVGSVGElement;
        while (svg.parentElement?.closest("svg"))
          svg = svg.parentElement.closest("svg") as SVGSVGElement;
        const t = text.getBoundingClientRect();
        const s = svg.getBoundingClientRect();
        if (
          t.left < s.left - 0.5 ||
          t.right > s.right + 0.5 ||
          t.top < s.top - 0.5 ||
          t.bottom > s.bottom + 0.5
        )
          faults.push({
            chapter,
            kind: "svg text outside its svg",
            what: `"${text.textContent}" [${Math.round(t.left - s.left)}, ${Math.round(t.right - s.left)}] of ${Math.round(s.width)}`,
          });
      }
    }
    const docOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return { docOverflow, faults: faults as LayoutFault[] };
  });
}
