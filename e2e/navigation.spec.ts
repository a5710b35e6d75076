import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const CHAPTER_IDS = ["prank", "linearity", "fgsm-steps", "transfer", "training", "free"];

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
