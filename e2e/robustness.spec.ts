import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  DARKNET_URL,
  expect,
  expectTop1,
  fixturePath,
  imagenetWorker,
  serveModelDir,
  test,
  waitForIdle,
} from "./fixtures";

// MobileNet v1 ships with the app; a remote model (Darknet tiny, from ml5's CDN) is the one
// whose download can fail.
const REMOTE = `${DARKNET_URL}/**`;
const picker = (page: Page) =>
  page.locator("#prank").getByRole("combobox", { name: "ImageNet model" });

async function chooseDarknet(page: Page): Promise<void> {
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  await picker(page).selectOption("darknet_tiny");
}

test("a failed model download says why, keeps the model in use, and offers a retry that works", async ({
  page,
  consoleErrors,
}) => {
  await page.route(REMOTE, (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto("/");
  await chooseDarknet(page);
  const alert = page.getByRole("alert");
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(/Darknet tiny .*could not be loaded/);
  await expect(alert).toContainText("HTTP 404");
  await expect(alert).toContainText(/MobileNet v1 0\.25 .* is still in use/);
  await expect(alert).toContainText(/load a model from files/);
  // The picker names the model actually in use, which still answers.
  await expect(picker(page)).toHaveValue("mobilenet_v1_025");
  await expectTop1(page, "original prediction", "giant panda");
  await page.unroute(REMOTE);
  await page.route(REMOTE, serveModelDir("darknet_tiny"));
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText(/downloaded, and saved in this browser/)).toBeVisible();
  await expect(picker(page)).toHaveValue("darknet_tiny");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectTop1(page, "original prediction", "giant panda");
  consoleErrors.length = 0; // the 404 is logged by the browser on purpose here
});

test("a truncated weight file is reported, not crashed on", async ({ page, consoleErrors }) => {
  await page.route(REMOTE, async (route) => {
    if (!route.request().url().endsWith("group19-shard1of1"))
      return serveModelDir("darknet_tiny")(route);
    const full = readFileSync(fixturePath("models", "darknet_tiny", "group19-shard1of1"));
    return route.fulfill({
      body: full.subarray(0, 500_000),
      contentType: "application/octet-stream",
    });
  });
  await page.goto("/");
  await chooseDarknet(page);
  await expect(page.getByRole("alert").filter({ hasText: /incomplete/i })).toBeVisible();
  await expect(picker(page)).toHaveValue("mobilenet_v1_025");
  consoleErrors.length = 0;
});

test("a second visit loads a remote model offline, from the IndexedDB cache", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/");
  await chooseDarknet(page);
  await expect(page.getByText(/downloaded, and saved in this browser/)).toBeVisible();
  await page.unroute(REMOTE);
  await page.route(REMOTE, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await chooseDarknet(page);
  await expect(page.getByText(/from this browser's cache/)).toBeVisible();
  await expectTop1(page, "original prediction", "giant panda");
  consoleErrors.length = 0;
});

test("a lost WebGL context is survived: model and image come back", async ({ page }) => {
  // WebGL even where it is drawn in software (without a GPU the page would not use it).
  await page.goto("/?backend=webgl");
  await waitForIdle(page);
  // Chapter 1's tensors live in the ImageNet worker: its context is the one lost.
  const worker = await imagenetWorker(page);
  await worker.evaluate(() => {
    const g = (
      self as unknown as {
        __gibbon: { tf: { backend(): { getGPGPUContext(): { gl: WebGL2RenderingContext } } } };
      }
    ).__gibbon;
    g.tf.backend().getGPGPUContext().gl.getExtension("WEBGL_lose_context")?.loseContext();
  });
  await expect(page.getByRole("status").filter({ hasText: /restored/ })).toBeVisible();
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});
