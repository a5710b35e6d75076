import { expect, expectTop1, imagenetWorker, test } from "./fixtures";

/** The workers' entry scripts (worker-<hash>.js; their shared chunks are worker-main-*). */
const WORKER_ENTRY = /\/assets\/worker-(?!main)[^/]*\.js$/;

test("chapter 1's worker refused at start: the page says so, the zoo does not wait for it, and Try again brings the panda", async ({
  page,
  consoleErrors,
}) => {
  await page.route(WORKER_ENTRY, (route) => route.abort("failed"));
  await page.goto("/");
  const alert = page.getByRole("alert").filter({ hasText: "ImageNet worker stopped" });
  await expect(alert).toBeVisible({ timeout: 30_000 });

  // A comparison asked for after the failure ends with a message, not a wait without end.
  await page.locator("#attack-zoo").scrollIntoViewIfNeeded();
  const zoo = page.getByRole("region", { name: "attack comparison" });
  await expect(zoo).toBeVisible({ timeout: 30_000 });
  await zoo.getByRole("button", { name: "Compare" }).click();
  await expect(zoo.getByText(/no classified photo/)).toBeVisible({ timeout: 5_000 });

  await page.unroute(WORKER_ENTRY);
  await page.locator("#prank").scrollIntoViewIfNeeded();
  await alert.getByRole("button", { name: "Try again" }).click();
  await expectTop1(page, "original prediction", "giant panda");
  await expect(alert).toHaveCount(0);
  // The refused script is the one error the console showed.
  expect(consoleErrors.every((e) => /worker|Failed to load|ERR_FAILED/i.test(e))).toBe(true);
  consoleErrors.length = 0;
});

test("chapter 1's worker dies mid-job: the page says so, starts a fresh one and shows the panda and the gibbon again", async ({
  page,
}) => {
  await page.goto("/");
  await expectTop1(page, "adversarial prediction", "gibbon");
  // As a crash or an out-of-memory kill: the worker stops, and no event tells the page.
  const worker = await imagenetWorker(page);
  await worker.evaluate(() => self.close()).catch(() => undefined);
  // A slider move is a job that now waits on it (the sweep's fill is another).
  await page
    .locator("#prank")
    .getByRole("slider", { name: /epsilon/ })
    .press("ArrowRight");
  const notice = page.getByRole("status").filter({ hasText: /stopped answering.*restarted/ });
  await expect(notice).toBeVisible({ timeout: 90_000 });
  await expectTop1(page, "original prediction", "giant panda");
  await expectTop1(page, "adversarial prediction", "gibbon");
});
