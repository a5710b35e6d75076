import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { runEveryChapter } from "./chapters";
import { expect, expectTop1, test } from "./fixtures";

test.use({ serviceWorkers: "allow" });

/** The built service worker the preview server serves (see playwright.config.ts). */
const SW_FILE = resolve(import.meta.dirname, "..", process.env.GIBBON_DIST ?? "dist", "sw.js");

test("after one online visit the app is installable, and with the network off every chapter works", async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  // Installable: a manifest with a name, a start URL and 192 and 512 px icons that load.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return null;
    const m = await (await fetch(link.href)).json();
    const icons = await Promise.all(
      m.icons.map(async (i: { src: string; sizes: string }) => {
        const r = await fetch(new URL(i.src, link.href));
        return { sizes: i.sizes, ok: r.ok, type: r.headers.get("content-type") };
      }),
    );
    return { name: m.name, start: m.start_url, display: m.display, icons };
  });
  expect(manifest?.name).toMatch(/^Gibbon/);
  expect(manifest?.display).toBe("standalone");
  expect(manifest?.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(["192x192", "512x512"]),
  );
  expect(manifest?.icons.every((i) => i.ok && i.type === "image/png")).toBe(true);
  // The service worker has precached everything: the page says so.
  await expect(page.getByText(/works offline from now on/)).toBeVisible({ timeout: 120_000 });

  await context.setOffline(true);
  await runEveryChapter(page); // loads the page again, from the service worker's copy
  await expectTop1(page, "original prediction", "giant panda");
  await expectTop1(page, "adversarial prediction", "gibbon");
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test("a new deployment is offered with a Reload button, which brings it in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/works offline from now on/)).toBeVisible({ timeout: 120_000 });
  await page.reload(); // now the service worker controls the page
  await expectTop1(page, "original prediction", "giant panda");
  // "Deploy" a new version: the served service worker changes (the preview server reads files
  // as they are requested; a route cannot answer the browser's update check).
  const original = readFileSync(SW_FILE, "utf8");
  writeFileSync(SW_FILE, `${original}\n// the next deployment\n`);
  try {
    await page.evaluate(async () => {
      (window as unknown as { __before?: boolean }).__before = true;
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(page.getByText("A new version of Gibbon is ready.")).toBeVisible({
      timeout: 120_000,
    });
    await page.getByRole("button", { name: "Reload" }).click();
    const before = () =>
      page
        .evaluate(() => (window as unknown as { __before?: boolean }).__before ?? false)
        .catch(() => true); // mid-navigation: not reloaded yet
    await expect.poll(before).toBe(false); // the page reloaded, under the new service worker
    await expectTop1(page, "original prediction", "giant panda");
    await expect(page.getByText("A new version of Gibbon is ready.")).toHaveCount(0);
  } finally {
    writeFileSync(SW_FILE, original);
  }
});
