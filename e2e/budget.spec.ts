import { expect, test } from "@playwright/test";
import { entryScripts, gzipKb, totalGzipKb } from "./bundle";

/**
 * Issue 11's budget: chapter 1 starts on at most half the JavaScript the page used to load
 * before it could predict (one 638 kB gzip chunk). Chapters 2-8, KaTeX, recharts, tfjs-layers
 * and the cpu/wasm fallbacks come later, on demand.
 */
const BUDGET_KB = 319;

test("the JavaScript chapter 1 needs to start fits the budget", () => {
  const files = entryScripts();
  expect(files.length).toBeGreaterThan(0);
  const sizes = files.map((f) => `${f} ${gzipKb(f).toFixed(1)} kB`);
  const total = totalGzipKb(files);
  console.info(`entry scripts, gzip: ${total.toFixed(1)} kB\n  ${sizes.join("\n  ")}`);
  expect(total, sizes.join(", ")).toBeLessThanOrEqual(BUDGET_KB);
});
