import type { Locator, Page } from "@playwright/test";
import { expect, scrollToChapter, test } from "./fixtures";

const BEFORE = "probabilities before the attack";
const AFTER = "probabilities after the attack";

/** Chapter 3, scrolled into view, once its first digit has been attacked. */
async function openChapter(page: Page): Promise<Locator> {
  await page.goto("/");
  const chapter = page.locator("#fgsm-steps");
  await scrollToChapter(page, "fgsm-steps");
  // The first result: the default test digit, on the MLP, at eps = 26/255. The digits and models
  // load when the chapter comes into view, while chapter 1 shares the (software) GPU.
  await expect(chapter.getByRole("list", { name: AFTER })).toHaveAttribute(
    "data-input",
    /^mlp\|test0\|y\d\|v\d+\|eps26$/,
    { timeout: 150_000 },
  );
  return chapter;
}

/** The accessible list of ten probabilities, most probable first ("5 99.9%"). */
function probs(chapter: Locator, name: string): Locator {
  return chapter.getByRole("list", { name }).getByRole("listitem");
}

test("the chapter shows every stage of FGSM on a test digit", async ({ page }) => {
  const chapter = await openChapter(page);
  await expect(chapter.getByRole("heading", { name: "FGSM, step by step" })).toBeVisible();
  const stages = chapter.getByRole("list", { name: "The stages of FGSM" }).getByRole("listitem");
  await expect(stages).toHaveCount(8);
  for (const name of [
    "Input",
    "Probabilities and loss",
    "Input gradient",
    "Sign of the gradient",
    "Scale by ε",
    "Add",
    "Clip to [0, 1]",
    "New probabilities",
  ]) {
    await expect(chapter.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  for (const img of ["the input digit", "the input gradient", "the adversarial digit"]) {
    await expect(chapter.getByRole("img", { name: img })).toBeVisible();
  }
  await expect(chapter.locator(".stage .katex").first()).toBeVisible();
  await expect(probs(chapter, BEFORE)).toHaveCount(10);
  await expect(probs(chapter, AFTER)).toHaveCount(10);
  await expect(probs(chapter, BEFORE).first()).toHaveText(/^\d \d+(\.\d+)?%$/);
  await expect(chapter.getByText(/Digit 1 of 2,000, true label \d/)).toBeVisible();
  await expect(chapter.getByText(/^Loss for label \d: /)).toBeVisible();

  // Keyboard users step through the test digits.
  await chapter.getByRole("button", { name: "Next test digit" }).press("Enter");
  await expect(chapter.getByRole("list", { name: AFTER })).toHaveAttribute(
    "data-input",
    /^mlp\|test1\|/,
  );
});

/**
 * With the canvas in view, chapter 2 (just above) starts its error-rate measurements too, and
 * they share the digit models' job queue with this chapter: on software WebGL a drawing can
 * wait for one model's whole measurement.
 */
const BEHIND_CHAPTER_2 = { timeout: 150_000 };

test("drawing a digit on the canvas yields a prediction", async ({ page }) => {
  test.slow();
  const chapter = await openChapter(page);
  const canvas = chapter.getByRole("img", { name: "Draw a digit" });
  // Centred in the viewport, clear of the sticky masthead that page.mouse would hit.
  await canvas.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the drawing canvas has no box");
  // A "1": one vertical stroke down the middle.
  const x = box.x + box.width * 0.5;
  await page.mouse.move(x, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(x + i * 0.3, box.y + box.height * (0.15 + i * 0.035));
  }
  await page.mouse.up();
  await expect(chapter.getByRole("list", { name: BEFORE })).toHaveAttribute(
    "data-input",
    /^mlp\|drawn1\|y1\|/,
    BEHIND_CHAPTER_2,
  );
  await expect(probs(chapter, BEFORE).first()).toHaveText(/^1 \d+(\.\d+)?%$/);
  await expect(chapter.getByText(/The model reads your drawing as 1 \(/)).toBeVisible();
  await expect(probs(chapter, AFTER)).toHaveCount(10);

  // The reader can attack the digit they meant instead of the model's guess.
  await chapter.getByRole("combobox", { name: /Attack the label/ }).selectOption("7");
  await expect(chapter.getByRole("list", { name: AFTER })).toHaveAttribute(
    "data-input",
    /^mlp\|drawn1\|y7\|/,
    BEHIND_CHAPTER_2,
  );
});

test("moving the eps slider changes the after-attack probabilities", async ({ page }) => {
  const chapter = await openChapter(page);
  const after = chapter.getByRole("list", { name: AFTER });
  const start = await probs(chapter, AFTER).allTextContents();
  const slider = chapter.getByRole("slider", { name: /epsilon/ });
  await slider.focus();
  await slider.press("End");
  await expect(after).toHaveAttribute("data-input", /\|eps77$/);
  await expect(chapter.locator(".eps-value")).toContainText("77/255");
  expect(await probs(chapter, AFTER).allTextContents()).not.toEqual(start);
  // At eps = 0 the attack leaves the digit, and so the prediction, as it was.
  await slider.press("Home");
  await expect(after).toHaveAttribute("data-input", /\|eps0$/);
  expect(await probs(chapter, AFTER).allTextContents()).toEqual(
    await probs(chapter, BEFORE).allTextContents(),
  );
});

test("every built-in model can be attacked", async ({ page }) => {
  const chapter = await openChapter(page);
  const after = chapter.getByRole("list", { name: AFTER });
  for (const [name, kind] of [
    ["CNN", "cnn"],
    ["Softmax", "softmax"],
  ]) {
    await chapter.getByRole("radio", { name }).check();
    await expect(after).toHaveAttribute("data-input", new RegExp(`^${kind}\\|test0\\|`));
    await expect(probs(chapter, AFTER)).toHaveCount(10);
  }
});
