import { expect, test } from "./fixtures";

/**
 * What some browsers lack, emulated in Chromium (the WebKit and Firefox runs meet the real
 * engines, e2e/browsers/): the page says what to do instead, and never waits or fails silently.
 */

test("without page full screen (Safari on iPhone), lecture mode says where full screen is", async ({
  page,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Document.prototype, "fullscreenEnabled", { get: () => false }),
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Lecture mode" }).click();
  await expect(page.getByText("Full screen: from the browser's own menu")).toBeVisible();
  await expect(page.getByRole("button", { name: "Full screen" })).toHaveCount(0);
  await page.keyboard.press("f"); // the shortcut does nothing rather than throw
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
});

test("a browser that refuses the clipboard gets a way on in plain words", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Share this view" }).click();
  const panel = page.getByRole("region", { name: "Share this view" });
  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("status")).toHaveText(
    "The browser refused the clipboard: select the link and copy it.",
  );
});
