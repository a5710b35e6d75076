import { expect, type Page } from "@playwright/test";
import { chapter6Demo, scrollToChapter, waitForIdle, waitForSelector } from "./fixtures";

/**
 * Loads the page and brings every chapter into view (each starts its work then), waiting for
 * one live result of each: chapter 1's adversarial prediction, chapter 2's measured digit models
 * and error curve, chapter 3's first attacked digit, chapter 4's transfer matrix under way, and
 * a short chapter 5 run (one epoch of the softmax model, standard and free) whose numbers also
 * fill chapter 6's cost table, chapter 7's latent map with one digit's attack, and chapter 8's
 * first certificate.
 */
export async function runEveryChapter(page: Page): Promise<void> {
  await page.goto("/");
  await waitForIdle(page);
  for (const id of ["linearity", "fgsm-steps", "transfer", "training", "free"]) {
    await scrollToChapter(page, id);
    // Chapters 2-4 start their work once seen; the page says when (a busy page reports late).
    if (id !== "training" && id !== "free")
      await expect(page.locator(`#${id}`)).toHaveAttribute("data-started", "");
  }
  await expect(
    page.getByRole("table", { name: "digit models" }).getByRole("row", { name: /Softmax/ }),
  ).toContainText(/\d+\.\d%/, { timeout: 150_000 });
  await expect(
    page
      .getByRole("table", { name: "error rates under FGSM" })
      .getByRole("row", { name: /Here: Softmax regression/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText(/%/, { timeout: 150_000 });
  await expect(page.locator("#fgsm-steps [data-input]").first()).toHaveAttribute(
    "data-input",
    /eps26$/,
    { timeout: 150_000 },
  );
  await expect(page.getByRole("table", { name: "transfer matrix" })).toBeVisible();
  const lab = page.locator("#training-lab");
  await lab.getByRole("radio", { name: "Softmax" }).check();
  await lab.getByRole("combobox", { name: /Budget/ }).selectOption("1");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(lab).toHaveAttribute("data-phase", "done", { timeout: 240_000 });
  // Chapter 6's table redraws only on screen.
  await chapter6Demo(page).scrollIntoViewIfNeeded();
  await expect(page.locator('table.cost-table tr[data-method="free"] td').first()).toHaveText(
    "1.00×",
  );
  // Chapter 7: the VAE's map and one digit's attack.
  await scrollToChapter(page, "vae");
  await waitForSelector(page, "#vae .latent-row", { timeout: 150_000 });
  // Chapter 8: the first digit's certificate.
  await scrollToChapter(page, "arms-race");
  await waitForSelector(page, "#arms-race .certificate .certificate-words", { timeout: 150_000 });
}
