import type { Page } from "@playwright/test";

/** One main-thread long task, with what the Long Animation Frames API says ran in it. */
export interface LongTask {
  start: number;
  ms: number;
  /** The scripts that ran longest in the frame around it (invoker and duration, ms). */
  scripts: string[];
}

interface Watch {
  tasks: { start: number; ms: number }[];
  frames: { start: number; end: number; scripts: string[] }[];
  /** When each animation frame began (requestAnimationFrame's clock). */
  paints: number[];
}

/**
 * Records every main-thread long task from page load (PerformanceObserver "longtask"), and the
 * long animation frames with their script attribution, so a failure can name the work that
 * blocked. Install before page.goto.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const watch: Watch = { tasks: [], frames: [], paints: [] };
    (window as unknown as { __longTasks: Watch }).__longTasks = watch;
    // A page can freeze with no long task: its frames wait on the GPU process (software WebGL
    // shares it with the workers' tfjs). The gaps between animation frames show that.
    const paint = (t: number) => {
      watch.paints.push(t);
      requestAnimationFrame(paint);
    };
    requestAnimationFrame(paint);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) watch.tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
    type Frame = PerformanceEntry & {
      renderStart: number;
      scripts: {
        invoker: string;
        sourceFunctionName: string;
        sourceURL: string;
        sourceCharPosition: number;
        duration: number;
      }[];
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Frame[]) {
        const end = e.startTime + e.duration;
        const scripts = [...e.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((s) => {
            const at = `${s.sourceURL.split("/").pop()}:${s.sourceCharPosition}`;
            return `${s.invoker} ${s.sourceFunctionName}@${at} ${s.duration.toFixed(0)} ms`;
          });
        // Style, layout and paint of the frame: the part no script accounts for.
        if (e.renderStart > 0) scripts.push(`rendering ${(end - e.renderStart).toFixed(0)} ms`);
        watch.frames.push({ start: e.startTime, end, scripts });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  });
}

/** The page's clock, to mark where a phase starts. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The long tasks that started at or after `since` (page clock), each with its attribution. */
export function longTasksSince(page: Page, since = 0): Promise<LongTask[]> {
  return page.evaluate((t0) => {
    const { tasks, frames } = (window as unknown as { __longTasks: Watch }).__longTasks;
    return tasks
      .filter((task) => task.start >= t0)
      .map((task) => {
        const frame = frames.find((f) => f.start <= task.start && task.start < f.end);
        return { ...task, scripts: frame?.scripts ?? [] };
      });
  }, since);
}

/** The longest time between two animation frames from `since` (page clock), in ms. */
export function longestFrameGapSince(page: Page, since = 0): Promise<number> {
  return page.evaluate((t0) => {
    const { paints } = (window as unknown as { __longTasks: Watch }).__longTasks;
    const from = paints.filter((t) => t >= t0);
    return Math.max(0, ...from.slice(1).map((t, i) => t - from[i]));
  }, since);
}

/** "82 ms (script a 60 ms); 53 ms" for a failure message. */
export const describeTasks = (tasks: LongTask[]): string =>
  tasks
    .map((t) => `${t.ms.toFixed(0)} ms (${t.scripts.join("; ") || "no script named"})`)
    .join(", ");

/** Runs `work` and returns the long tasks that started meanwhile. */
export async function watched(page: Page, work: () => Promise<void>): Promise<LongTask[]> {
  const from = await pageNow(page);
  await work();
  const to = await pageNow(page);
  return (await longTasksSince(page, from)).filter((t) => t.start < to);
}
