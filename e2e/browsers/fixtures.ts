import { test as base, expect } from "@playwright/test";
import { previewPort, relayPort, webkitDriverPort } from "../ports";
import { firefoxAvailable, openFirefox } from "./firefox";
import { type Network, relayTo } from "./network";
import type { RemotePage, Target } from "./remote";
import { openWebKit, startWebKitDriver, stopProcessGroup, webkitAvailable } from "./webkit";

export type Engine = "webkit" | "firefox";

/**
 * The WebKit and Firefox projects' fixtures: one browser per worker, shared by a file's serial
 * tests (each page load of chapter 1 costs seconds of software rendering), and the relay that
 * stands for the network.
 */
// biome-ignore lint/complexity/noBannedTypes: Playwright's type for "no test-scoped fixtures".
export const test = base.extend<{}, { engine: Engine; network: Network; remote: RemotePage }>({
  engine: ["webkit", { option: true, scope: "worker" }],
  network: [
    async ({ engine: _engine }, use) => {
      const network = await relayTo(previewPort, relayPort);
      await use(network);
      await network.close();
    },
    { scope: "worker" },
  ],
  remote: [
    async ({ engine }, use) => {
      if (engine === "firefox") {
        if (!firefoxAvailable()) throw new Error("No Firefox: apt-get install firefox-esr.");
        const page = await openFirefox();
        await use(page);
        await page.close();
        return;
      }
      if (!webkitAvailable()) throw new Error("No WebKit: apt-get install webkit2gtk-driver xvfb.");
      const driver = await startWebKitDriver(webkitDriverPort);
      const page = await openWebKit(webkitDriverPort);
      try {
        await use(page);
      } finally {
        await page.close().catch(() => undefined);
        stopProcessGroup(driver);
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

export { expect };

/** In the page: the text of every alert that has any (the app's errors all show as alerts). */
export const pageAlerts = () =>
  [...document.querySelectorAll('[role="alert"]')]
    .map((e) => e.textContent?.trim() ?? "")
    .filter((t) => t.length > 0);

/**
 * Polls `fn(arg)` in the page every 250 ms until it returns something truthy, and returns it.
 * On time-out the error names what was awaited and the page's alerts.
 */
export async function waitUntil<A, R>(
  page: RemotePage,
  what: string,
  fn: (arg: A) => R,
  arg: A,
  timeout = 120_000,
): Promise<R> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.run(fn, arg).catch(() => null); // mid-navigation
    if (value) return value as R;
    if (Date.now() > end) {
      const alerts = await page.run(pageAlerts, null).catch(() => []);
      throw new Error(`${page.engine}: ${what}, not within ${timeout / 1000} s. Alerts: ${alerts}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** In the page: the text of the first match of a selector ("" if none). */
export const textOf = (css: string) => document.querySelector(css)?.textContent?.trim() ?? "";

/** Waits until the first match of `css` has text matching `pattern`; returns that text. */
export function waitForText(
  page: RemotePage,
  css: string,
  pattern: RegExp,
  timeout?: number,
): Promise<string> {
  return waitUntil<{ css: string; source: string; flags: string }, string>(
    page,
    `${css} to read ${pattern}`,
    ({ css, source, flags }) => {
      const text = document.querySelector(css)?.textContent?.trim() ?? "";
      return new RegExp(source, flags).test(text) ? text : "";
    },
    { css, source: pattern.source, flags: pattern.flags },
    timeout,
  );
}

/** Sets a <select> (found by its label) to `value` as a reader's choice would (React hears it). */
export async function choose(page: RemotePage, target: Target, value: string): Promise<void> {
  const done = await page.run(
    ({ css, source, value }) => {
      const named = new RegExp(source);
      const select = [...document.querySelectorAll<HTMLSelectElement>(css)].find((s) =>
        named.test((s.labels?.[0]?.textContent ?? s.getAttribute("aria-label") ?? "").trim()),
      );
      if (!select) return false;
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      return select.value === value;
    },
    { css: target.css, source: target.name?.source ?? "", value },
  );
  if (!done) throw new Error(`${page.engine}: could not choose ${value} in ${target.css}.`);
}

/** Scrolls a chapter's top into view (it starts its work when seen) and waits for its code. */
export async function scrollToChapter(page: RemotePage, id: string): Promise<void> {
  await waitUntil(
    page,
    `#${id} to arrive`,
    (id) => {
      const el = document.getElementById(id);
      el?.scrollIntoView({ block: "start" });
      return el !== null && !el.classList.contains("chapter-loading");
    },
    id,
  );
  await page.run((id) => document.getElementById(id)?.scrollIntoView({ block: "start" }), id);
}
