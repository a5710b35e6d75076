import { expect, type Page } from "@playwright/test";
import {
  expectTop1,
  prank,
  predictionSelector,
  scrollToChapter,
  storyButton,
  tellFgsmStory,
  waitForIdle,
  waitForSelector,
  waitForSweep,
} from "./fixtures";
import {
  type LongTask,
  longestFrameGapSince,
  longTasksSince,
  pageNow,
  watchLongTasks,
} from "./longTasks";

/**
 * Each chapter's first live result: the walk moves on once it is on screen. Quiet waits (see
 * waitForSelector): the walk measures the page's long tasks, not the test's.
 */
const FIRST_RESULT: Record<string, (page: Page) => Promise<void>> = {
  linearity: async (page) => {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#linearity table[aria-label="digit models"] tr')].some(
          (row) => /Softmax/.test(row.textContent ?? "") && /\d+\.\d%/.test(row.textContent ?? ""),
        ),
      null,
      { polling: 100, timeout: 150_000 },
    );
  },
  "fgsm-steps": (page) =>
    waitForSelector(page, '#fgsm-steps [data-input*="eps"]', { timeout: 150_000 }),
  transfer: (page) =>
    waitForSelector(page, '#transfer table[aria-label="transfer matrix"]', { timeout: 150_000 }),
};

/** The phase in which chapters 2-8 arrive, after chapter 1's first prediction. */
export const ARRIVAL = "chapters 2-8 arrive, 3 s";
/** The phase of chapter 1's two stories (FGSM, then panda -> gibbon, then FGSM again). */
const STORIES = "chapter 1: the two stories";

/** One step of the walk, and the long tasks that started during it. */
export interface WalkPhase {
  name: string;
  tasks: LongTask[];
  /** The longest wait between two frames the page drew, ms. */
  frameGap: number;
}

/**
 * A reader's walk (issue 11): load to chapter 1's first prediction; the two stories; 12 slider
 * moves and the rest of chapter 1's sweep; chapters 2-4 scrolled to, each until its first result and 5 s more; a chapter 5 run
 * (softmax, one epoch, standard and free) started, and chapters 4-2 scrolled back through while
 * it trains. Returns the main-thread long tasks per phase; the page must be fresh.
 */
export async function readersWalk(page: Page): Promise<WalkPhase[]> {
  const phases: WalkPhase[] = [];
  const phase = async (name: string, walk: () => Promise<void>) => {
    const t0 = await pageNow(page);
    await walk();
    phases.push({
      name,
      tasks: await longTasksSince(page, t0),
      frameGap: await longestFrameGapSince(page, t0),
    });
  };
  await watchLongTasks(page);
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  const loaded = await pageNow(page);
  phases.push({
    name: `load -> first prediction (${(loaded / 1000).toFixed(1)} s)`,
    tasks: await longTasksSince(page, 0),
    frameGap: await longestFrameGapSince(page, 0),
  });
  // Chapters 2-8 are fetched once chapter 1 has a result: their code is evaluated and drawn
  // (off screen) now, a phase of its own.
  await phase(ARRIVAL, async () => {
    await waitForSelector(page, ".chapter-loading", { gone: true });
    await page.waitForTimeout(3_000);
  });
  await phase(STORIES, async () => {
    await tellFgsmStory(page);
    await storyButton(page, "Panda → gibbon").click();
    await waitForIdle(page);
    await tellFgsmStory(page);
  });
  await phase("chapter 1: 12 slider moves (FGSM)", async () => {
    await prank(page).locator('input[type="range"][aria-label^="epsilon"]').focus();
    // From the story's 4/255: seven up, five down, so the last result on screen (6/255) is
    // the last move's.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i < 7 ? "ArrowRight" : "ArrowLeft");
      await page.waitForTimeout(150);
    }
    // Chapter 1's last work (that move, its sweep) is counted here, not in the phases after.
    await waitForSelector(
      page,
      `${predictionSelector("adversarial prediction")}[data-input="eps6"]`,
    );
    await waitForSweep(page);
  });
  for (const id of ["linearity", "fgsm-steps", "transfer"]) {
    await phase(`scroll to #${id}, its first result and 5 s`, async () => {
      await scrollToChapter(page, id);
      await FIRST_RESULT[id](page);
      await page.waitForTimeout(5_000);
    });
  }
  await phase("chapter 5 run, scrolling back through 4-2", async () => {
    await scrollToChapter(page, "training");
    const lab = page.locator("#training-lab");
    await lab.getByRole("radio", { name: "Softmax" }).check();
    await lab.getByRole("combobox", { name: /Budget/ }).selectOption("1");
    await lab.getByRole("button", { name: "Train" }).click();
    for (const id of ["transfer", "fgsm-steps", "linearity"]) {
      await page.waitForTimeout(4_000);
      await scrollToChapter(page, id);
    }
    await scrollToChapter(page, "training");
    await expect(lab).toHaveAttribute("data-phase", "done", { timeout: 240_000 });
  });
  return phases;
}
