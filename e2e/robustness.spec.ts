import { readFileSync } from "node:fs";
import { expect, expectTop1, fixturePath, serveModelDir, test, waitForIdle } from "./fixtures";

const MODEL_URL = "https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/**";

test("a failed model download says why and offers a retry that works", async ({
  page,
  consoleErrors,
}) => {
  await page.route(MODEL_URL, (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto("/");
  const alert = page.getByRole("alert").filter({ hasText: /404/ });
  await expect(alert).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /panda the network calls a gibbon/ }),
  ).toBeVisible();
  await page.unroute(MODEL_URL);
  await page.route(MODEL_URL, serveModelDir("mobilenet_v1_025"));
  await page.getByRole("button", { name: "Retry" }).click();
  await expectTop1(page, "original prediction", "giant panda");
  consoleErrors.length = 0; // the 404 is logged by the browser on purpose here
});

test("a truncated weight file is reported, not crashed on", async ({ page, consoleErrors }) => {
  await page.route(MODEL_URL, async (route) => {
    if (!route.request().url().includes("shard")) return serveModelDir("mobilenet_v1_025")(route);
    const full = readFileSync(fixturePath("models", "mobilenet_v1_025", "group1-shard1of1.bin"));
    return route.fulfill({
      body: full.subarray(0, 500_000),
      contentType: "application/octet-stream",
    });
  });
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: /incomplete/i })).toBeVisible();
  consoleErrors.length = 0;
});

test("a second visit works offline from the IndexedDB cache", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await page.unroute(MODEL_URL);
  await page.route(MODEL_URL, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expectTop1(page, "original prediction", "giant panda");
  await expect(page.getByText(/from this browser's cache/)).toBeVisible();
  consoleErrors.length = 0;
});

test("a lost WebGL context is survived: model and image come back", async ({ page }) => {
  await page.goto("/");
  await waitForIdle(page);
  await page.evaluate(() => {
    const g = (
      window as unknown as {
        __gibbon: { tf: { backend(): { getGPGPUContext(): { gl: WebGL2RenderingContext } } } };
      }
    ).__gibbon;
    g.tf.backend().getGPGPUContext().gl.getExtension("WEBGL_lose_context")?.loseContext();
  });
  await expect(page.getByRole("status").filter({ hasText: /restored/ })).toBeVisible();
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});

test("without WebGL the page says so and still classifies", async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type.includes("webgl")) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
    OffscreenCanvas.prototype.getContext = ((o) =>
      function (this: OffscreenCanvas, type: string, ...rest: unknown[]) {
        if (type.includes("webgl")) return null;
        return (o as (...a: unknown[]) => unknown).call(this, type, ...rest);
      })(OffscreenCanvas.prototype.getContext) as typeof OffscreenCanvas.prototype.getContext;
  });
  await page.goto("/");
  await expect(page.getByText(/WebGL unavailable: running on (WASM|CPU)/)).toBeVisible();
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});
