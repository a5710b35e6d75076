import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, scrollToChapter, test, waitForIdle } from "../e2e/fixtures";
import { median, table } from "./stats";

const MOVES = 8;
const AFTER = "probabilities after the attack";

/** The transfer matrix's status, through the page's debug handle. */
const matrixStatus = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __gibbon: { transfer: { getState(): { result: { status: string } | null } } };
        }
      ).__gibbon.transfer.getState().result?.status ?? "none",
  );

/**
 * One key press on chapter 3's epsilon slider until its attacked digit is on screen: page clock
 * from just before the key to the DOM change (a MutationObserver on the list's data-input).
 */
async function sliderLatency(page: Page, key: "ArrowRight" | "ArrowLeft"): Promise<number> {
  const changed = page.evaluate((label) => {
    const list = document.querySelector(`#fgsm-steps [aria-label="${label}"]`);
    if (!list) throw new Error("no after-attack list");
    const before = list.getAttribute("data-input");
    const t0 = performance.now();
    return new Promise<number>((resolve) => {
      new MutationObserver((_, observer) => {
        if (list.getAttribute("data-input") === before) return;
        observer.disconnect();
        resolve(performance.now() - t0);
      }).observe(list, { attributes: true, attributeFilter: ["data-input"] });
    });
  }, AFTER);
  await page.keyboard.press(key);
  return changed;
}

async function moves(page: Page): Promise<number[]> {
  await page
    .locator("#fgsm-steps")
    .getByRole("slider", { name: /epsilon/ })
    .focus();
  const out: number[] = [];
  for (let i = 0; i < MOVES; i++)
    out.push(await sliderLatency(page, i % 2 ? "ArrowLeft" : "ArrowRight"));
  return out;
}

/**
 * Issue 11: chapter 3's slider (one attacked digit in the digits worker) while that worker is
 * idle, and while chapter 4's transfer matrix runs in it (the slider's calls go first).
 */
test("chapter 3's slider latency, with and without the transfer matrix running", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto("/");
  await waitForIdle(page);
  await scrollToChapter(page, "fgsm-steps");
  await expect(page.locator("#fgsm-steps").getByRole("list", { name: AFTER })).toHaveAttribute(
    "data-input",
    /eps26$/,
    { timeout: 150_000 },
  );
  const idle = await moves(page);
  await scrollToChapter(page, "transfer");
  await expect.poll(() => matrixStatus(page), { timeout: 150_000 }).toBe("running");
  await scrollToChapter(page, "fgsm-steps");
  const busy = await moves(page);
  const still = await matrixStatus(page);
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  const report = [
    table([
      ["chapter 3 slider, key to new digit", "median ms", "all ms"],
      ["digits worker idle", median(idle).toFixed(0), ms(idle)],
      [`transfer matrix running (after: ${still})`, median(busy).toFixed(0), ms(busy)],
    ]),
  ].join("\n");
  console.info(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/steps.txt", `${report}\n`);
});
