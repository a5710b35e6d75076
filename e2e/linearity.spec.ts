import { expect, scrollToChapter, test } from "./fixtures";

/** Chapter 2 starts its work when it scrolls into view. */
async function openLinearity(page: import("@playwright/test").Page) {
  await page.goto("/");
  await scrollToChapter(page, "linearity");
  await expect(page.getByRole("heading", { name: /Why it happens/ })).toBeVisible();
}

test("chapter 2 loads the digit models and measures them live", async ({ page }) => {
  await openLinearity(page);
  const models = page.getByRole("table", { name: "digit models" });
  // Test accuracies are measured in the page on the 2,000 test digits.
  for (const name of ["Softmax regression", "Multilayer perceptron", "Convolutional network"]) {
    await expect(models.getByRole("row", { name: new RegExp(name) })).toContainText(/\d+\.\d%/);
  }
  await expect(page.getByText(/agree on \d+\.\d% of the pixels/)).toBeVisible();
  // The first model's error-vs-eps numbers arrive; FGSM at 64/255 beats 90% on softmax regression.
  const softmaxRow = page
    .getByRole("table", { name: "error rates under FGSM" })
    .getByRole("row", { name: /Here: Softmax regression/ });
  await expect(softmaxRow.getByRole("cell").nth(2)).toHaveText(/%/, { timeout: 120_000 });
  const cells = await softmaxRow.getByRole("cell").allTextContents();
  expect(Number.parseFloat(cells[2])).toBeGreaterThanOrEqual(90);
  expect(Number.parseFloat(cells[0])).toBeLessThan(15);
  // Ten adversarial sample digits, one per class.
  await expect(
    page.getByRole("list", { name: "adversarial samples" }).getByRole("listitem"),
  ).toHaveCount(10);
});

test("moving the dimension slider changes the linearity chart", async ({ page }) => {
  await openLinearity(page);
  const chart = page.getByRole("img", { name: /At n = .* moves the unit by/ });
  const before = await chart.getAttribute("aria-label");
  expect(before).toContain("n = 784");
  const slider = page.getByRole("slider", { name: "dimension n (log scale)" });
  await slider.focus();
  await page.keyboard.press("End");
  await expect(chart).toHaveAttribute("aria-label", /n = 150,528/);
  const after = await chart.getAttribute("aria-label");
  const change = (label: string | null) =>
    Number((label ?? "").match(/w·η = ([\d,.]+)/)?.[1].replace(/,/g, ""));
  // Same eps, 192 times the inputs: the unit moves about 192 times as much.
  expect(change(after) / change(before)).toBeGreaterThan(150);
  await page.getByRole("button", { name: /CIFAR-10/ }).click();
  await expect(chart).toHaveAttribute("aria-label", /n = 3,072/);
});

test("a digit model retrains live with a progress bar and curves, then restores", async ({
  page,
}) => {
  await openLinearity(page);
  const row = page
    .getByRole("table", { name: "digit models" })
    .getByRole("row", { name: /Softmax regression/ });
  await expect(row).toContainText("shipped");
  await page.getByRole("combobox", { name: "Retrain" }).selectOption("softmax");
  await page.getByRole("combobox", { name: "for" }).selectOption("1");
  await page.getByRole("button", { name: "Retrain from scratch" }).click();
  const progress = page.getByRole("progressbar", { name: "training Softmax" });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Softmax: epoch 1\/1, done/)).toBeVisible({ timeout: 120_000 });
  expect(Number(await progress.getAttribute("value"))).toBe(125); // 8,000 digits in batches of 64
  // The chart drew its loss line; the model's new accuracy is measured and shown.
  await expect(
    page.locator("section[aria-label='training run'] .recharts-line path").first(),
  ).toBeVisible();
  await expect(row).toContainText("retrained");
  const accuracy = Number.parseFloat((await row.getByRole("cell").nth(1).textContent()) ?? "");
  expect(accuracy).toBeGreaterThan(80);
  await row.getByRole("button", { name: "restore shipped" }).click();
  await expect(row).toContainText("shipped");
});
