import type { Locator, Page } from "@playwright/test";

/** A point on the screen, in CSS pixels from the viewport's top left. */
export interface Point {
  x: number;
  y: number;
}

/** `steps` + 1 evenly spaced points from `from` to `to`. */
export function linePath(from: Point, to: Point, steps = 12): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps,
  }));
}

/** A point inside `target`'s box, as fractions of its width and height (0.5, 0.5 is its centre). */
export async function pointIn(target: Locator, fx: number, fy: number): Promise<Point> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target} has no box`);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/**
 * One finger pressed at the path's first point, moved through the rest and lifted, through
 * Chromium's own input pipeline (CDP `Input.dispatchTouchEvent`): the page gets touch and
 * pointer events and the browser's gestures (scrolling, a slider's drag) run as for a real
 * touchscreen. The context needs `hasTouch`. `pauseMs` between moves keeps the gesture a drag,
 * not a fling.
 */
export async function touchDrag(page: Page, path: readonly Point[], pauseMs = 16): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const at = (p: Point) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1 }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(path[0]) });
    for (const p of path.slice(1)) {
      await page.waitForTimeout(pauseMs);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(p) });
    }
    await page.waitForTimeout(pauseMs);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}
