import type { Page } from "@playwright/test";
import { expect, jumpToChapter, test } from "./fixtures";

const CHAPTER_IDS = [
  "prank",
  "linearity",
  "fgsm-steps",
  "transfer",
  "training",
  "free",
  "vae",
  "arms-race",
];

/** True once the chapter's heading lies wholly in the viewport, below the sticky masthead. */
function headingClear(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const heading = document.getElementById(`${id}-title`);
    const masthead = document.querySelector(".masthead");
    if (!heading || !masthead) return false;
    const h = heading.getBoundingClientRect();
    return h.top >= masthead.getBoundingClientRect().bottom && h.bottom <= window.innerHeight;
  }, id);
}

for (const { width, height, menu } of [
  { width: 1280, height: 800, menu: false },
  { width: 375, height: 700, menu: true },
]) {
  test(`at ${width} px every table-of-contents link brings its chapter heading into view below the masthead`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    const toc = page.getByRole("navigation", { name: "Chapters" });
    // Backwards, so that each jump crosses chapters that have grown meanwhile.
    for (const id of [...CHAPTER_IDS].reverse()) {
      if (menu) await toc.getByRole("button", { name: /Chapters/ }).click();
      const link = toc.locator(`a[href="#${id}"]`);
      await expect(link).toBeVisible();
      await link.click();
      await expect.poll(() => headingClear(page, id), { timeout: 10_000 }).toBe(true);
      // The rail (or menu) marks the chapter being read; the menu closes itself.
      await expect(toc.locator(`a[href="#${id}"]`)).toHaveAttribute("aria-current", "location");
      if (menu) await expect(link).toBeHidden();
    }
    // Every chapter ends with a link to the next one.
    await page.locator('nav[aria-label="After chapter 1"] a[rel="next"]').click();
    await expect.poll(() => headingClear(page, "linearity"), { timeout: 10_000 }).toBe(true);
  });
}

test("a chapter starts only once it shows below the masthead, and not when it shows for a moment", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await jumpToChapter(page, "training");
  /** Scrolls so that chapter 4's last pixel row is `y` px below the top of the viewport. */
  const putTransferEndAt = (y: number) =>
    page.evaluate((y) => {
      const end = document.getElementById("transfer")?.getBoundingClientRect().bottom ?? 0;
      window.scrollBy(0, end - y);
      return document.querySelector(".masthead")?.getBoundingClientRect().bottom ?? 0;
    }, y);
  const transfer = page.locator("#transfer");
  const masthead = await putTransferEndAt(40);
  expect(masthead).toBeGreaterThan(40); // the 40 px are hidden under it
  await page.waitForTimeout(1000); // frames enough for an observer to fire
  await expect(transfer).not.toHaveAttribute("data-started");
  // In view for a few frames, as when a jump's layout settles, then gone again.
  await putTransferEndAt(masthead + 40);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await putTransferEndAt(0);
  await page.waitForTimeout(1000);
  await expect(transfer).not.toHaveAttribute("data-started");
  await putTransferEndAt(masthead + 40);
  await expect(transfer).toHaveAttribute("data-started", "");
});
