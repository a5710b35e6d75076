import type { Page } from "@playwright/test";

/** WCAG 2.5.5 (AAA) target size, CSS pixels. */
export const TARGET_SIZE = 44;

/** The page's regions: the masthead (with the chapter menu), each chapter with its pager, the footer. */
export const REGIONS = "header.masthead, .chapter-slot, footer.site-footer";

/** One control too small to hit with a finger, named so that a failure points at it. */
export interface TargetFault {
  region: string;
  what: string;
  size: string;
  /** The neighbouring target that its 44 x 44 square overlaps. */
  near: string;
}

/**
 * Audits the touch targets as laid out now, region by region (the masthead, each chapter with
 * its pager, the footer). A target is a visible button, link, form control, summary, element
 * with role button or slider, or element in the tab order; a checkbox or radio button counts as
 * its label's box (a tap on the label works), and so does a hidden file input. A fault is a target smaller than
 * 44 x 44 CSS px whose 44 x 44 square, centred on it, overlaps another target of its region (so
 * a small target with room around it passes: WCAG's "or spaced so"). Exceptions: targets in
 * a sentence (WCAG's inline exception: an inline link or button whose block has other text), and
 * targets nested in one another (a link inside a scrolling region).
 */
export function auditTargets(page: Page, regions = REGIONS): Promise<TargetFault[]> {
  return page.evaluate(
    ([size, regionSelector]) => {
      const SELECTOR = [
        "button",
        "a[href]",
        'input:not([type="hidden"])',
        "select",
        "textarea",
        "summary",
        '[role="button"]',
        '[role="slider"]',
        '[tabindex]:not([tabindex^="-"])',
      ].join(",");
      const name = (el: Element) => {
        const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
        const label = el.getAttribute("aria-label");
        const type = el.getAttribute("type");
        return `<${el.tagName.toLowerCase()}${type ? ` ${type}` : ""}> "${label ?? text}"`;
      };
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || el.closest(".visually-hidden")) return false;
        return getComputedStyle(el).visibility !== "hidden";
      };
      /** An inline target (a link, a word-like button) with other text in its block: in a sentence. */
      const inSentence = (el: Element) => {
        if (getComputedStyle(el).display !== "inline") return false;
        let block = el.parentElement;
        while (block && /^(inline|contents)$/.test(getComputedStyle(block).display))
          block = block.parentElement;
        const own = (el.textContent ?? "").trim().length;
        return (block?.textContent ?? "").trim().length > own;
      };
      /** What a finger hits for this control, or null when it is not a target of its own. */
      const hitBox = (el: Element): Element | null => {
        // A checkbox's or radio button's label takes its taps, as does a hidden file input's.
        if (el instanceof HTMLInputElement && (/^(checkbox|radio)$/.test(el.type) || !shown(el))) {
          const label = el.closest("label") ?? el.labels?.[0];
          if (label) return label;
        }
        return inSentence(el) ? null : el;
      };
      const faults: { region: string; what: string; size: string; near: string }[] = [];
      for (const region of document.querySelectorAll(regionSelector)) {
        const boxes = new Map<Element, DOMRect>();
        for (const el of region.querySelectorAll(SELECTOR)) {
          const target = hitBox(el);
          if (target && shown(target)) boxes.set(target, target.getBoundingClientRect());
        }
        for (const [el, r] of boxes) {
          if (r.width >= size - 0.5 && r.height >= size - 0.5) continue;
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          const [left, right, top, bottom] = [
            cx - size / 2,
            cx + size / 2,
            cy - size / 2,
            cy + size / 2,
          ];
          for (const [other, o] of boxes) {
            if (other === el || other.contains(el) || el.contains(other)) continue;
            const dx = Math.min(right, o.right) - Math.max(left, o.left);
            const dy = Math.min(bottom, o.bottom) - Math.max(top, o.top);
            if (dx > 0.5 && dy > 0.5) {
              faults.push({
                region: region.getAttribute("data-chapter") ?? region.tagName.toLowerCase(),
                what: name(el),
                size: `${Math.round(r.width)}x${Math.round(r.height)}`,
                near: name(other),
              });
              break;
            }
          }
        }
      }
      return faults;
    },
    [TARGET_SIZE, regions] as const,
  );
}

/** Faults as lines for a failure message, and a count by kind ("<button>": 12). */
export function describeTargetFaults(faults: readonly TargetFault[]): string {
  const kinds: Record<string, number> = {};
  for (const f of faults) {
    const kind = f.what.match(/^<[^>]*>/)?.[0] ?? f.what;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const lines = faults.map((f) => `${f.region}: ${f.what} ${f.size}, near ${f.near}`);
  return `${faults.length} small targets ${JSON.stringify(kinds)}\n${lines.join("\n")}`;
}

/**
 * Elements whose accessible name would be empty without their `title`: a name only a mouse's
 * hover shows (a phone never does).
 */
export function namedByTitleAlone(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[title]")]
      .filter((el) => {
        const alt = el instanceof HTMLImageElement ? el.alt : "";
        const label = el.getAttribute("aria-label") ?? el.getAttribute("aria-labelledby") ?? "";
        return !(label.trim() || alt.trim() || (el.textContent ?? "").trim());
      })
      .map((el) => `<${el.tagName.toLowerCase()}> title="${el.getAttribute("title")}"`),
  );
}
