import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectTop1, tellFgsmStory, test, waitForIdle } from "../e2e/fixtures";
import { table } from "./stats";

/** Every main-thread long task from the very start of the page, with its start time. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; ms: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const tasksSince = (page: Page, t0: number) =>
  page.evaluate(
    (t) =>
      (window as unknown as { __tasks: { start: number; ms: number }[] }).__tasks
        .filter((task) => task.start >= t)
        .map((task) => task.ms),
    t0,
  );
const scrollTo = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: "start" }));

/**
 * A reader's walk (issue 11) with a long-task observer: load to chapter 1's first prediction;
 * 12 slider moves; the two stories; each of chapters 2-4 scrolled to and left to compute 25 s;
 * a chapter 5 run started, then chapters 2-4 scrolled back through. Reported, not asserted.
 */
test("a reader's walk: main-thread long tasks per phase", async ({ page }) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await watchLongTasks(page);
  const rows: (string | number)[][] = [["phase", "long tasks", "longest ms", "over 200 ms"]];
  /** One row: the long tasks that started since `t0`. */
  const row = async (name: string, t0: number) => {
    const tasks = await tasksSince(page, t0);
    const longest = tasks.length ? Math.max(...tasks).toFixed(0) : "-";
    rows.push([name, tasks.length, longest, tasks.filter((ms) => ms > 200).length]);
  };
  const phase = async (name: string, walk: () => Promise<void>) => {
    const t0 = await now(page);
    await walk();
    await row(name, t0);
  };

  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  const firstPrediction = await now(page);
  await row(`load -> first prediction (${(firstPrediction / 1000).toFixed(1)} s)`, 0);

  await phase("chapter 1: the two stories", async () => {
    await tellFgsmStory(page);
    await page.getByRole("button", { name: /^Panda → gibbon/ }).click();
    await waitForIdle(page);
    await tellFgsmStory(page);
  });
  await phase("chapter 1: 12 slider moves (FGSM)", async () => {
    const slider = page.locator("#prank").getByRole("slider").first();
    await slider.focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i < 6 ? "ArrowRight" : "ArrowLeft");
      await page.waitForTimeout(150);
    }
    await waitForIdle(page);
  });
  for (const id of ["linearity", "fgsm-steps", "transfer"]) {
    await phase(`scroll to #${id}, 25 s`, async () => {
      await scrollTo(page, id);
      await page.waitForTimeout(25_000);
    });
  }
  await phase("chapter 5 run, scrolling back through 2-4", async () => {
    await scrollTo(page, "training");
    await page.locator("#training-lab").getByRole("button", { name: "Train" }).click();
    for (const id of ["transfer", "fgsm-steps", "linearity"]) {
      await page.waitForTimeout(5_000);
      await scrollTo(page, id);
    }
    await page.waitForTimeout(5_000);
  });

  const report = table(rows);
  console.info(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/walk.txt", `${report}\n`);
});
