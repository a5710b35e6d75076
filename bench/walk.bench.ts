import { mkdirSync, writeFileSync } from "node:fs";
import { test } from "../e2e/fixtures";
import { readersWalk } from "../e2e/walk";
import { table } from "./stats";

test.use({ trace: { mode: "off" } });

/** Issue 11's reader's walk, reported per phase (e2e/walk.spec.ts asserts its budget). */
test("a reader's walk: main-thread long tasks and frame gaps per phase", async ({ page }) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const rows: (string | number)[][] = [
    ["phase", "long tasks", "longest ms", "over 200 ms", "longest frame gap ms"],
  ];
  for (const { name, tasks, frameGap } of await readersWalk(page)) {
    const ms = tasks.map((t) => t.ms);
    const longest = ms.length ? Math.max(...ms).toFixed(0) : "-";
    rows.push([name, ms.length, longest, ms.filter((m) => m > 200).length, frameGap.toFixed(0)]);
  }
  const report = table(rows);
  console.info(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/walk.txt", `${report}\n`);
});
