import { CHROMIUM_ARGS, chromiumPath } from "./browser";
import { expect, expectTop1, test, waitForIdle } from "./fixtures";

// The whole browser goes without WebGL: a page script could not reach into the workers, where
// every model runs, and Chromium's --disable-3d-apis leaves WebGL on in workers (measured).
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--use-gl=disabled"] },
});

test("without WebGL the page says so in plain words and still classifies", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/^No graphics card available to this page: /)).toBeVisible();
  // The reason, for whoever wants it, is folded away.
  await expect(page.locator(".fallback-note details")).toContainText("WebGL backend");
  await expect(page.locator(".badge")).toContainText(/runs on (a slower|the slowest) fallback/);
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});
