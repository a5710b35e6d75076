import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { test as base, expect, type Page, type Route } from "@playwright/test";
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

const MOBILENET_V1 = "https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/";
/** ml5's Darknet tiny folder, exactly as the app's catalog names it. */
export const DARKNET_URL = catalogUrl("darknet_tiny");
const PANDA = "https://upload.wikimedia.org/wikipedia/commons/8/8d/Lightmatter_panda.jpg";

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

/**
 * Routes the app's real model and photo URLs to the fixtures, so the real
 * loading code runs with no network; anything else off localhost is refused.
 */
export async function routeFixtures(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!localhost)/, (route) => route.abort("internetdisconnected"));
  await page.route(`${MOBILENET_V1}**`, serveModelDir("mobilenet_v1_025"));
  await page.route(`${DARKNET_URL}/**`, serveModelDir("darknet_tiny"));
  await page.route(PANDA, (route) =>
    route.fulfill({
      path: fixturePath("images", "giant_panda.jpg"),
      contentType: "image/jpeg",
      headers: { "access-control-allow-origin": "*" },
    }),
  );
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

/** Live tensors in the page's tfjs engine. */
export function numTensors(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __gibbon: { tf: { memory(): { numTensors: number } } } }
      ).__gibbon.tf.memory().numTensors,
  );
}

/** Waits until the engine is idle: no status line, no sweep running, both predictions shown. */
export async function waitForIdle(page: Page): Promise<void> {
  await expect(
    page.getByRole("list", { name: "adversarial prediction" }).getByRole("listitem"),
  ).toHaveCount(5);
  await expect(page.locator(".working")).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "Sweep progress" })).toHaveCount(0);
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
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await routeFixtures(page);
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
