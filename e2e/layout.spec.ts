import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test, waitForIdle } from "./fixtures";
import { auditLayout, type LayoutFault } from "./layoutAudit";

const WIDTHS = [1280, 768, 375, 320];

/** Brings every chapter into view (each starts its work then) and waits for its results. */
async function fillEveryChapter(page: Page): Promise<void> {
  await page.goto("/");
  await waitForIdle(page);
  for (const id of ["linearity", "fgsm-steps", "transfer", "training", "free"])
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await expect(
    page.getByRole("table", { name: "digit models" }).getByRole("row", { name: /Softmax/ }),
  ).toContainText(/\d+\.\d%/, { timeout: 150_000 });
  await expect(page.locator("#linearity .recharts-line path").first()).toBeVisible({
    timeout: 150_000,
  });
  await expect(page.locator("#fgsm-steps [data-input]").first()).toHaveAttribute(
    "data-input",
    /eps26$/,
    { timeout: 150_000 },
  );
  // A short run of chapter 5 fills its chart and chapter 6's cost table.
  const lab = page.locator("#training-lab");
  await lab.getByRole("radio", { name: "Softmax" }).check();
  await lab.getByRole("combobox", { name: /Budget/ }).selectOption("1");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(lab).toHaveAttribute("data-phase", "finished", { timeout: 240_000 });
}

test("no chapter clips or overflows from 320 to 1,280 px", async ({ page }, info) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await fillEveryChapter(page);
  const found: Record<number, { docOverflow: number; faults: LayoutFault[] }> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Charts re-measure on resize (ResizeObserver, then a render): give them two frames and a beat.
    await page.waitForTimeout(800);
    found[width] = await auditLayout(page);
  }
  const summary = WIDTHS.map((w) => {
    const byChapter: Record<string, number> = {};
    for (const f of found[w].faults) byChapter[f.chapter] = (byChapter[f.chapter] ?? 0) + 1;
    return `${w}px: document ${found[w].docOverflow}px too wide; ${found[w].faults.length} faults ${JSON.stringify(byChapter)}`;
  }).join("\n");
  console.info(`layout audit\n${summary}`);
  // Every fault, for whoever fixes them: test-results/<this test>/layout-audit.json.
  writeFileSync(info.outputPath("layout-audit.json"), JSON.stringify(found, null, 1));
  for (const width of WIDTHS) {
    const { docOverflow, faults } = found[width];
    const detail = faults
      .slice(0, 25)
      .map((f) => `${f.chapter}: ${f.kind}: ${f.what}`)
      .join("\n");
    expect(docOverflow, `${width}px: horizontal scroll of the page`).toBeLessThanOrEqual(0);
    expect(faults, `${width}px:\n${detail}`).toEqual([]);
  }
});
