import type { Page } from "@playwright/test";
import { expect, jumpToChapter, waitForIdle } from "./fixtures";
import { describeTasks, type LongTask, watchLongTasks } from "./longTasks";

/**
 * A chapter test's page and trace: one desktop size, and no DOM snapshots in the trace (each is
 * a main-thread task of Playwright's own on the page).
 */
export const WATCHED_CHAPTER_USE = {
  viewport: { width: 1280, height: 1000 },
  trace: { mode: "retain-on-failure", snapshots: false },
} as const;

/**
 * The chapters' budget is no main-thread task over 50 ms (issues 11-13); a busy 2-core machine
 * that deschedules the page gets chapter 5's allowance of 100 ms.
 */
export const ALLOWANCE_MS = 100;

/** Opens the page with the long-task watch on, waits for chapter 1, then jumps to chapter `id`. */
export async function openChapterWatched(page: Page, id: string) {
  await watchLongTasks(page);
  await page.goto("/");
  await waitForIdle(page);
  await jumpToChapter(page, id);
  return page.locator(`article#${id}`);
}

/** Reports a chapter's long tasks and fails on any over the allowance. */
export function expectNoTaskOverAllowance(tasks: LongTask[], chapter: string): void {
  console.info(`${chapter}'s long tasks: ${describeTasks(tasks) || "none"}`);
  const over = tasks.filter((t) => t.ms > ALLOWANCE_MS);
  expect(over, `long tasks: ${describeTasks(over)}`).toEqual([]);
}
