import { writeFileSync } from "node:fs";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { CHAPTERS } from "../src/chapterList";
import {
  expect,
  expectTop1,
  prank,
  predictionSelector,
  scrollToChapter,
  scrollUntilStill,
  test,
  waitForIdle,
} from "./fixtures";
import {
  auditTargets,
  describeTargetFaults,
  namedByTitleAlone,
  type TargetFault,
} from "./targetAudit";
import { linePath, pointIn, touchDrag } from "./touch";

/** A phone (360 x 740 CSS px at 3 device pixels per px) and a tablet, both touch only. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 3,
  hasTouch: true,
  isMobile: true,
} as const;
const TABLET = {
  viewport: { width: 768, height: 1024 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
} as const;

/**
 * Drags chapter 1's epsilon slider with a finger, from its thumb a third of the track to the
 * right, and waits for the adversarial prediction at the new level.
 */
async function dragEpsilon(page: Page): Promise<void> {
  const slider = prank(page).getByRole("slider", { name: /epsilon/ });
  await scrollUntilStill(slider);
  const max = Number(await slider.getAttribute("max"));
  const before = Number(await slider.inputValue());
  const y = 0.5;
  const from = await pointIn(slider, before / max, y);
  const to = await pointIn(slider, Math.min(1, before / max + 1 / 3), y);
  await touchDrag(page, linePath(from, to));
  const after = Number(await slider.inputValue());
  expect(after, "the level after the drag").toBeGreaterThan(before + 5);
  await expect(prank(page).locator(".eps-value")).toContainText(`ε = ${after}/255`);
  await expect(page.locator(predictionSelector("adversarial prediction"))).toHaveAttribute(
    "data-input",
    `eps${after}`,
  );
  await waitForIdle(page);
}

/** How far down a canvas its ink reaches: the fraction of its rows with any light pixel. */
function inkHeight(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext("2d") as CanvasRenderingContext2D;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let rows = 0;
    for (let y = 0; y < c.height; y++)
      for (let x = 0; x < c.width; x++)
        if (data[(y * c.width + x) * 4] > 128) {
          rows++;
          break;
        }
    return rows / c.height;
  });
}

/** Where the page was scrolled and where the canvas sat, at a stroke's touch down and lift. */
interface StrokeWatch {
  down?: { scrollY: number; top: number };
  up?: { scrollY: number; top: number };
  /** pointercancel events: the browser took the finger's gesture for a pan. */
  cancels: number;
}

/**
 * Watches the next stroke on `canvas`: listeners on the window, in the capture phase, note the
 * scroll and the canvas's place as the finger goes down and as it lifts (before the app reacts
 * to the drawing and the page below it changes). Returns a reader of what they saw.
 */
async function watchStroke(canvas: Locator): Promise<() => Promise<StrokeWatch>> {
  await canvas.evaluate((el) => {
    const seen: StrokeWatch = { cancels: 0 };
    const at = () => ({ scrollY: window.scrollY, top: el.getBoundingClientRect().top });
    const options = { capture: true, once: true };
    window.addEventListener("pointerdown", () => Object.assign(seen, { down: at() }), options);
    window.addEventListener("pointerup", () => Object.assign(seen, { up: at() }), options);
    el.addEventListener("pointercancel", () => seen.cancels++);
    (el as Element & { strokeWatch?: StrokeWatch }).strokeWatch = seen;
  });
  return () =>
    canvas.evaluate(
      (el) => (el as Element & { strokeWatch?: StrokeWatch }).strokeWatch ?? { cancels: -1 },
    );
}

/** Opens the masthead's chapter menu with a tap; returns the menu's target faults while open. */
async function openChapterMenu(page: Page): Promise<TargetFault[]> {
  const toggle = page.getByRole("button", { name: /^Chapters/ });
  await toggle.tap();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const menu = page.locator("#toc-list");
  await expect(menu).toBeVisible();
  return auditTargets(page, "header.masthead");
}

/** Follows the open chapter menu's link to chapter `id` with a tap; the menu closes. */
async function tapChapterLink(page: Page, id: string): Promise<void> {
  await page.locator(`#toc-list a[href="#${id}"]`).tap();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator("#toc-list")).toBeHidden();
  await expect(page.locator(`#${id}`)).toBeInViewport();
}

/**
 * Brings every chapter into view (lazy parts load then), then audits the touch targets of the
 * whole page, adds `extra` faults (the open menu's) and fails listing them all.
 */
async function expectTouchSizedTargets(
  page: Page,
  info: TestInfo,
  extra: TargetFault[],
): Promise<void> {
  for (const { id } of CHAPTERS) {
    await scrollToChapter(page, id);
    await page.waitForTimeout(500);
  }
  expect(await namedByTitleAlone(page), "names only a hover shows").toEqual([]);
  const faults = [...extra, ...(await auditTargets(page))];
  writeFileSync(info.outputPath("target-audit.json"), JSON.stringify(faults, null, 1));
  console.info(`target audit at ${page.viewportSize()?.width}px: ${faults.length} faults`);
  expect(faults, describeTargetFaults(faults)).toEqual([]);
}

test.describe("a phone", () => {
  test.use(PHONE);

  test("slider, zoo table, chapter menu and drawing by touch; every target finger-sized", async ({
    page,
  }, info) => {
    test.setTimeout(600_000);
    await page.goto("/");
    await expectTop1(page, "original prediction", "giant panda");
    await waitForIdle(page);

    await test.step("drag the epsilon slider", () => dragEpsilon(page));

    await test.step("swipe the attack zoo's table sideways", async () => {
      await scrollUntilStill(page.locator("#attack-zoo"));
      const region = page.getByRole("region", { name: "attack comparison" });
      await expect(region).toBeVisible({ timeout: 30_000 });
      await region.getByRole("radio", { name: "Softmax on a digit" }).tap();
      const ticked = region.getByRole("checkbox", { checked: true });
      while ((await ticked.count()) > 0) await ticked.first().tap();
      await region.getByRole("checkbox", { name: "FGSM", exact: true }).tap();
      await region.getByRole("button", { name: "Compare" }).tap();
      const table = page.getByRole("table", { name: "attack comparison results" });
      await expect(table.locator("tbody tr")).toHaveCount(1, { timeout: 120_000 });
      await expect(region.getByRole("button", { name: "Compare" })).toBeVisible();
      const scroller = page.locator(".scroller-body", { has: table });
      await scroller.evaluate((el) => el.scrollIntoView({ block: "center" }));
      const width = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(width[0], "the table is wider than its box").toBeGreaterThan(width[1]);
      expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0);
      // Right to left across the visible part of the first row (the row is wider than the screen).
      const { y } = await pointIn(table.locator("tbody tr").first(), 0.5, 0.5);
      const [from, to] = [await pointIn(scroller, 0.85, 0), await pointIn(scroller, 0.15, 0)];
      await touchDrag(page, linePath({ x: from.x, y }, { x: to.x, y }));
      await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(50);
      expect(await page.evaluate(() => window.scrollX), "the page itself stays put").toBe(0);
    });

    let menuFaults: TargetFault[] = [];
    await test.step("open the chapter menu and follow a link", async () => {
      menuFaults = await openChapterMenu(page);
      await tapChapterLink(page, "fgsm-steps");
    });

    await test.step("the backend badge names the backend on a tap", async () => {
      const badge = page.locator(".badge");
      const technical = (await badge.getAttribute("title")) ?? "";
      expect(technical).toMatch(/^TensorFlow\.js /);
      await badge.getByRole("button").tap();
      await expect(badge).toContainText(`(${technical})`);
    });

    await test.step("draw a digit with a finger, the page still", async () => {
      await scrollToChapter(page, "fgsm-steps");
      const canvas = page.getByRole("img", { name: "Draw a digit" });
      // Centred, and still: chapters above that are still filling in have settled.
      await scrollUntilStill(canvas);
      expect(await inkHeight(canvas)).toBe(0);
      const stroke = await watchStroke(canvas);
      // A "7": across the top, then down and to the left.
      await touchDrag(page, [
        ...linePath(await pointIn(canvas, 0.25, 0.2), await pointIn(canvas, 0.75, 0.2), 8),
        ...linePath(await pointIn(canvas, 0.75, 0.2), await pointIn(canvas, 0.4, 0.85), 12),
      ]);
      expect(await inkHeight(canvas), "the stroke reaches down the canvas").toBeGreaterThan(0.6);
      const { down, up, cancels } = await stroke();
      expect(down, "the finger went down on the canvas").toBeDefined();
      // The finger did not scroll the page: the canvas stayed put on screen. (window.scrollY
      // alone can move: when content above grows, the browser's scroll anchoring follows it.)
      const moved = `scrollY ${down?.scrollY} -> ${up?.scrollY}, top ${down?.top} -> ${up?.top}`;
      expect(Math.abs((up?.top ?? 0) - (down?.top ?? 0)), `no page scroll: ${moved}`).toBeLessThan(
        1,
      );
      expect(cancels, "no pan: the finger's pointer was never cancelled").toBe(0);
      await expect(page.getByText(/The model reads your drawing as/)).toBeVisible();
    });

    await test.step("every target is finger-sized", () =>
      expectTouchSizedTargets(page, info, menuFaults));
  });
});

test.describe("a tablet", () => {
  test.use(TABLET);

  test("slider and chapter menu by touch; every target finger-sized", async ({ page }, info) => {
    test.setTimeout(600_000);
    await page.goto("/");
    await expectTop1(page, "original prediction", "giant panda");
    await waitForIdle(page);
    await test.step("drag the epsilon slider", () => dragEpsilon(page));
    let menuFaults: TargetFault[] = [];
    await test.step("open the chapter menu and follow a link", async () => {
      menuFaults = await openChapterMenu(page);
      await tapChapterLink(page, "transfer");
    });
    await test.step("every target is finger-sized", () =>
      expectTouchSizedTargets(page, info, menuFaults));
  });
});
