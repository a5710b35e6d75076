import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import {
  test as base,
  expect,
  type Locator,
  type Page,
  type Route,
  type Worker,
} from "@playwright/test";
import { findImageNetModel } from "../src/engine/models/catalog";

/** ../shared/fixtures beside the project: real models and photos, never copied into the repo. */
export const FIXTURES = resolve(import.meta.dirname, "..", "..", "shared", "fixtures");
export const fixturePath = (...parts: string[]) => resolve(FIXTURES, ...parts);

/** A catalog model's folder URL, read from the app's own catalog (no trailing slash). */
function catalogUrl(id: string): string {
  const url = findImageNetModel(id)?.url;
  if (!url) throw new Error(`The catalog has no model ${id}.`);
  return url.replace(/\/+$/, "");
}

/** ml5's Darknet tiny folder, exactly as the app's catalog names it. */
export const DARKNET_URL = catalogUrl("darknet_tiny");

/** Answers a model-file request from a fixture folder, by file name (query string dropped). */
export function serveModelDir(dir: string) {
  return (route: Route) => {
    const name = basename(new URL(route.request().url()).pathname);
    const body = readFileSync(fixturePath("models", dir, name));
    const type = name.endsWith(".json") ? "application/json" : "application/octet-stream";
    return route.fulfill({
      body,
      contentType: type,
      headers: { "access-control-allow-origin": "*" },
    });
  };
}

/** Requests that leave localhost (served from fixtures or refused), in order. */
export type OffOrigin = string[];
const offOrigin = (url: string) => !/^https?:\/\/localhost[:/]/.test(url) && /^https?:/.test(url);

/**
 * Routes the app's remote model URL (Darknet; MobileNet v1 and the photos ship with the app) to
 * the fixtures, so the real loading code runs with no network; anything else off localhost is
 * refused. Returns the list of off-localhost requests the page makes.
 */
export async function routeFixtures(page: Page): Promise<OffOrigin> {
  const requests: OffOrigin = [];
  page.on("request", (r) => {
    if (offOrigin(r.url())) requests.push(r.url());
  });
  await page.route(/^https?:\/\/(?!localhost)/, (route) => route.abort("internetdisconnected"));
  await page.route(`${DARKNET_URL}/**`, serveModelDir("darknet_tiny"));
  return requests;
}

/** The text of each item of an accessible list, e.g. "original prediction". */
export async function listItems(page: Page, label: string): Promise<string[]> {
  return page.getByRole("list", { name: label }).getByRole("listitem").allTextContents();
}

/** Waits until the list's first item starts with `name`. */
export async function expectTop1(page: Page, label: string, name: string | RegExp): Promise<void> {
  const first = page.getByRole("list", { name: label }).getByRole("listitem").first();
  await expect(first).toHaveText(typeof name === "string" ? new RegExp(`^${name} `) : name);
}

/** The ImageNet worker (chapters 1 and 4), for evaluating inside it. */
export async function imagenetWorker(page: Page): Promise<Worker> {
  for (;;) {
    for (const worker of page.workers()) {
      const name = await worker.evaluate(() => self.name).catch(() => "");
      if (name === "gibbon-imagenet") return worker;
    }
    await page.waitForEvent("worker");
  }
}

/** Live tensors in the ImageNet worker (chapters 1 and 4), read through its protocol. */
export function numTensors(page: Page): Promise<number> {
  type Memory = { numTensors: number };
  type Lab = {
    getState(): {
      actions: { compute(m: "memory", a: null, o: { priority: "batch" }): Promise<Memory> };
    };
  };
  return page.evaluate(async () => {
    const lab = (window as unknown as { __gibbon: { store: Lab } }).__gibbon.store;
    const memory = await lab.getState().actions.compute("memory", null, { priority: "batch" });
    return memory.numTensors;
  });
}

/**
 * Waits, polling in the page every 100 ms, until a CSS selector matches (or with `gone`, until
 * it matches nothing). The helpers that long-task tests use wait this way. A retrying `expect`
 * is costly on the page: after each failed poll, Playwright 1.65 builds an aria snapshot
 * (of the whole body when the element is not visible). Role queries read every candidate's
 * style too. A CPU profile of chapter 1's first story found a 300-400 ms main-thread task of
 * such snapshots, which a long-task watch counts as the app's.
 */
export async function waitForSelector(
  page: Page,
  selector: string,
  { gone = false, timeout = 60_000 } = {},
): Promise<void> {
  await page.waitForFunction(
    ([sel, absent]) => (document.querySelector(sel as string) === null) === absent,
    [selector, gone] as const,
    { polling: 100, timeout },
  );
}

/** Waits quietly, like waitForSelector, until the text of the first match of `selector` matches `pattern`. */
export async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  { timeout = 60_000 } = {},
): Promise<void> {
  await page.waitForFunction(
    ([sel, source, flags]) =>
      new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ""),
    [selector, pattern.source, pattern.flags] as const,
    { polling: 100, timeout },
  );
}

/** Chapter 1, and its controls and results found by their labels as attribute selectors. */
export const prank = (page: Page) => page.locator("#prank");
/** A top-5 list of chapter 1 ("original prediction", "adversarial prediction"). */
export const predictionSelector = (label: string) => `#prank ol[aria-label="${label}"]`;
/** One of chapter 1's story buttons, by its title. */
export const storyButton = (page: Page, title: string) =>
  prank(page).locator(".story-picker button", { hasText: title });

/**
 * Waits until chapter 1 shows its final result for the current settings: both predictions, no
 * status line. The sweep may still be filling in the background (see waitForSweep).
 */
export async function waitForIdle(page: Page): Promise<void> {
  await waitForSelector(page, `${predictionSelector("adversarial prediction")} > li:nth-child(5)`);
  await waitForSelector(page, ".working", { gone: true });
}

/**
 * Waits until every level of chapter 1's sweep is computed (the engine is then idle). Call it
 * after the plan is in place (tellFgsmStory waits for that), or it may see the old plan's sweep.
 */
export async function waitForSweep(page: Page, timeout = 240_000): Promise<void> {
  await waitForIdle(page);
  await waitForSelector(page, '#prank section.sweep[data-status="done"]', { timeout });
}

/**
 * One click to chapter 1's plain FGSM story (untargeted, one step), and its first result. It
 * waits for the story's own sweep, since the last story's results stay on screen until then.
 */
export async function tellFgsmStory(page: Page): Promise<void> {
  await storyButton(page, "Any wrong answer").click();
  await waitForSelector(page, '#prank section.sweep[data-plan="fgsm-u"]');
  expect(await prank(page).locator('select[aria-label="Attack method"]').inputValue()).toBe("fgsm");
  await waitForIdle(page);
}

/**
 * Moves chapter 1's epsilon slider to `level` grey levels with the keyboard, as a user could,
 * and waits for the adversarial prediction at that level. It goes through 0 first and waits for
 * that result, so the final wait cannot be satisfied by a result on screen before the keys.
 */
export async function setEpsilon(page: Page, level: number): Promise<void> {
  const slider = page.locator("#prank").getByRole("slider", { name: /epsilon/ });
  const shown = page.getByRole("list", { name: "adversarial prediction" });
  await slider.focus();
  await slider.press("Home");
  await expect(shown).toHaveAttribute("data-input", "eps0");
  for (let i = 0; i < level; i++) await slider.press("ArrowRight");
  await expect(shown).toHaveAttribute("data-input", `eps${level}`);
  await waitForIdle(page);
}

/**
 * Every test gets the fixture routes and, afterwards, a check that the console
 * showed no errors. A test that provokes errors on purpose empties the array.
 */
export const test = base.extend<{ consoleErrors: string[]; offOrigin: OffOrigin }>({
  offOrigin: async ({ page }, use) => {
    await use(await routeFixtures(page));
  },
  consoleErrors: [
    async ({ page, offOrigin: _routed }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Chapter 6's live part: cost table, free training's delta, the overfitting watch. */
export const chapter6Demo = (page: Page) =>
  page.getByRole("region", { name: "Free training and the cost of each method" });

/**
 * Scrolls a chapter's top to the top of the page, as its table-of-contents link does, and waits
 * for the chapter's code (it may have been its loading placeholder: the page keeps it in place
 * when the code arrives; a Playwright scrollIntoViewIfNeeded would wait for a stable element and
 * fail when the placeholder is replaced). It scrolls again once the code is there: the element
 * found first may be a placeholder that React removed before the scroll ran, and scrolling a
 * detached element does nothing (CI saw the page stay at the top, the chapter never started).
 */
export async function scrollToChapter(page: Page, id: string): Promise<void> {
  const scroll = () =>
    page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await scroll();
  await expect(page.locator(`#${id}.chapter-loading`)).toHaveCount(0);
  await scroll();
}

/**
 * Jumps to a chapter without the chapters above it ever coming into view: it waits for every
 * chapter's code first (chapter 1 is ready, so all are wanted), since chapters arriving above
 * the target move it while the scroll lands (CI saw chapter 4 pass through the view and start).
 * Then it waits for the layout to settle: the chapter above renders at its real height once it
 * is near (it was a 2,400 px placeholder), and a click in that frame misses; Playwright then
 * retries with the target scrolled to the viewport's end, which showed chapter 4 (CI: started).
 */
export async function jumpToChapter(page: Page, id: string): Promise<void> {
  await waitForSelector(page, ".chapter-loading", { gone: true });
  await scrollUntilStill(page.locator(`#${id}`), "start");
}

/**
 * Scrolls `target` into view (`block` as for scrollIntoView) and waits until its place on
 * screen has not moved for 20 frames: content above it that is still arriving has settled.
 */
export function scrollUntilStill(
  target: Locator,
  block: "start" | "center" = "center",
): Promise<void> {
  return target.evaluate(
    (el, where) =>
      new Promise<void>((settled) => {
        el.scrollIntoView({ block: where });
        let top = Number.NaN;
        let still = 0;
        const check = () => {
          const now = el.getBoundingClientRect().top;
          still = Math.abs(now - top) < 1 ? still + 1 : 0;
          top = now;
          if (still >= 20) settled();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    block,
  );
}
