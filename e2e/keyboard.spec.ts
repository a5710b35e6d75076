import type { Locator, Page } from "@playwright/test";
import { expect, expectTop1, jumpToChapter, test, waitForIdle } from "./fixtures";

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The element with the focus has a visible focus ring (an outline or a box shadow). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return (
      (s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"
    );
  });
  expect(ring).toBe(true);
}

test("chapter 1 by keyboard alone: choose the cat, move epsilon, read the prediction", async ({
  page,
}) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  // The slider comes before the gallery in the tab order.
  const slider = page.getByRole("slider", { name: /epsilon/ }).first();
  await tabTo(page, slider);
  await expectVisibleFocus(slider);
  const before = Number(await slider.inputValue());
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveValue(String(before + 2));
  await expect(page.locator("#prank .eps-value")).toContainText(`ε = ${before + 2}/255`);
  const cat = page.getByRole("button", { name: /Cat \(Chelsea\)/ });
  await tabTo(page, cat);
  await expectVisibleFocus(cat);
  await page.keyboard.press("Enter");
  await expectTop1(page, "original prediction", /^tabby|^tiger cat|^Egyptian cat/);
  await waitForIdle(page);
  await expect(
    page.getByRole("list", { name: "adversarial prediction" }).getByRole("listitem"),
  ).toHaveCount(5);
});

test("chapter 5 by keyboard alone: start a run and pause it; lecture mode's shortcuts do the same", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto("/");
  await waitForIdle(page);
  await jumpToChapter(page, "training");
  const lab = page.locator("#training-lab");
  const train = lab.getByRole("button", { name: "Train" });
  await tabTo(page, train);
  await page.keyboard.press("Enter");
  await expect(lab).toHaveAttribute("data-phase", "running", { timeout: 60_000 });
  await expect(lab.getByRole("button", { name: "Pause" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(lab).toHaveAttribute("data-phase", "paused", { timeout: 60_000 });

  // Lecture mode: L turns it on, Space resumes and pauses the run, ? shows the cheat sheet.
  await page.locator("body").evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("l");
  await expect(page.getByRole("button", { name: "Lecture mode" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press(" ");
  await expect(lab).toHaveAttribute("data-phase", "running", { timeout: 60_000 });
  await page.keyboard.press(" ");
  await expect(lab).toHaveAttribute("data-phase", "paused", { timeout: 60_000 });
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("jump to that chapter");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  // 1 jumps back to chapter 1, where the arrows move epsilon.
  await page.keyboard.press("1");
  await expect(page).toHaveURL(/#prank$/);
  const eps = page.locator("#prank .eps-value");
  const level = Number(((await eps.textContent()) ?? "").match(/ε = (\d+)\/255/)?.[1]);
  await page.keyboard.press("ArrowRight");
  await expect(eps).toContainText(`ε = ${level + 1}/255`);
  // Presenter view: P hides the prose, the visible toggle brings it back.
  const prose = page.locator("#prank .prose").first();
  await page.keyboard.press("p");
  await expect(prose).toBeHidden();
  await page.getByRole("button", { name: "Hide prose" }).click();
  await expect(prose).toBeVisible();
});
