import { mkdirSync, writeFileSync } from "node:fs";
import { entryScripts, gzipKb, totalGzipKb } from "../e2e/bundle";
import { expectTop1, test, waitForIdle } from "../e2e/fixtures";
import { median, table } from "./stats";

const LOADS = 5;

/**
 * Issue 11's load figures: the JavaScript chapter 1 needs to start (the entry and its preloads),
 * what a first visit has fetched by its first prediction (the rest loads meanwhile), both
 * gzip; and the time to that prediction (median of fresh visits: empty cache and IndexedDB).
 */
test("load: initial JavaScript and time to the first prediction", async ({ browser }) => {
  test.setTimeout(900_000);
  const times: number[] = [];
  let initial: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (r.resourceType() === "script" && url.pathname.endsWith(".js")) scripts.push(url.pathname);
    });
    await page.goto("/");
    await expectTop1(page, "original prediction", "giant panda");
    await waitForIdle(page);
    times.push(await page.evaluate(() => performance.now()));
    if (i === 0) initial = [...scripts];
    await context.close();
  }
  const fetched = initial.map((p) => p.replace(/^\//, ""));
  const entry = entryScripts();
  const report = [
    table([
      ["script fetched by the first prediction", "gzip"],
      ...fetched.map((f) => [f, `${gzipKb(f).toFixed(1)} kB`]),
    ]),
    `chapter 1's entry scripts: ${totalGzipKb(entry).toFixed(1)} kB gzip in ${entry.length} files`,
    `fetched by the first prediction: ${totalGzipKb(fetched).toFixed(1)} kB gzip in ${fetched.length} files`,
    `time to the first prediction: median ${(median(times) / 1000).toFixed(2)} s of ${LOADS} fresh visits (${times.map((t) => (t / 1000).toFixed(2)).join(", ")})`,
  ].join("\n");
  console.info(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/load.txt", `${report}\n`);
});
