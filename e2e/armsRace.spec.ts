import { expectNoTaskOverAllowance, openChapterWatched, WATCHED_CHAPTER_USE } from "./chapterWatch";
import { expect, test, waitForSelector, waitForText } from "./fixtures";
import { type LongTask, watched } from "./longTasks";

test.use(WATCHED_CHAPTER_USE);

/**
 * Chapter 8 as a reader meets it: the timeline's links, a certificate by Monte Carlo, the attack
 * on it, and the defence that BPDA breaks, all computed in the digits worker. Budget: no
 * main-thread task over 50 ms (issue 13), with chapter 5's allowance of 100 ms for a
 * descheduled 2-core machine; controls are found before each watch (see vae.spec.ts).
 */
test("chapter 8: the timeline links to its demos, a digit is certified and survives an attack inside R, BPDA breaks the defence, the base classifier retrains live, and a word swap flips a text classifier", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const chapter = await openChapterWatched(page, "arms-race");
  const tasks: LongTask[] = [];

  // The timeline: an ordered list whose stops link to the demos.
  const timeline = chapter.getByRole("list", { name: "timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(7);
  await expect(timeline.locator("xpath=self::ol")).toHaveCount(1);
  const certifyLink = timeline.getByRole("link", { name: "Certify a digit below" });
  await expect(certifyLink).toHaveAttribute("href", "#certify");

  // The first certificate comes by itself when the chapter is reached (n = 10,000).
  const certificate = chapter.getByRole("region", { name: "certificate", exact: true });
  tasks.push(
    ...(await watched(page, () =>
      waitForSelector(page, "#arms-race .certificate .certificate-words", { timeout: 120_000 }),
    )),
  );
  await expect(certificate).toContainText(/certified radius R = \d\.\d{3}|Abstain/);
  await expect(
    certificate.getByRole("img", { name: /^Votes of 10,000 noisy copies/ }),
  ).toBeVisible();

  // Fewer samples, a new certificate: the button fills the region again.
  await chapter.getByRole("combobox", { name: "n (estimation)" }).selectOption("1000");
  const certify = chapter.getByRole("button", { name: "Certify", exact: true });
  await certify.click();
  tasks.push(
    ...(await watched(page, () =>
      waitForText(page, "#arms-race .certificate .certificate-words", /of 1,000 votes/),
    )),
  );
  await expect(certificate).toContainText(/Class \d, certified radius R = \d\.\d{3}/);

  // The attack at 0.9 R: the smoothed classifier keeps its answer, re-certified afresh.
  await chapter.getByRole("button", { name: "Set r = 0.9 R" }).click();
  await chapter.getByRole("button", { name: "Attack the smoothed classifier" }).click();
  tasks.push(
    ...(await watched(page, () =>
      waitForSelector(page, "#arms-race .attack-verdict", { timeout: 120_000 }),
    )),
  );
  await expect(chapter.locator(".attack-verdict")).toContainText("did not change");
  await expect(chapter.locator(".attack-verdict")).toContainText("As the certificate promised.");

  // The defence over 50 digits: PGD through the rounding fails, BPDA's PGD does not.
  await chapter.getByRole("combobox", { name: "Test digits", exact: true }).selectOption("50");
  await chapter.getByRole("button", { name: "Attack the defence" }).click();
  tasks.push(
    ...(await watched(page, () =>
      waitForSelector(page, "#arms-race .defence-verdict", { timeout: 180_000 }),
    )),
  );
  await expect(chapter.locator(".defence-table")).not.toContainText("–");
  const percent = async (row: string) =>
    Number.parseFloat(
      (await chapter.locator(`.defence-table tr[data-row="${row}"] td`).last().textContent()) ?? "",
    );
  expect(await percent("pgd")).toBeGreaterThan((await percent("bpda")) + 40);
  await expect(chapter.locator(".defence-verdict")).toContainText("only hid the gradient");

  // Live retraining of the base classifier, one epoch in the worker: its accuracy under noise,
  // then a fresh certificate from the new weights; the reset puts the shipped ones back.
  await chapter.getByText("Retrain the base classifier yourself").click();
  const retrain = chapter.locator(".smooth-training");
  await retrain.getByRole("button", { name: "Train", exact: true }).click();
  tasks.push(
    ...(await watched(page, () =>
      waitForSelector(page, "#arms-race .epoch-accuracies li", { timeout: 240_000 }),
    )),
  );
  await expect(retrain.getByRole("list", { name: /after each epoch/ })).toContainText(
    /Epoch 1: \d+\.\d%/,
  );
  await expect(retrain).toContainText("in use now: retrained weights");
  await retrain.getByRole("button", { name: "Reset to the shipped weights" }).click();
  await expect(retrain).not.toContainText("in use now: retrained weights");

  // The language-model stop: the classifier trains in the worker once its section is in view,
  // the flip rate is measured, and a held-out sentence that flips is attacked through the box.
  await expect(timeline.getByRole("link", { name: /flip a text classifier/ })).toHaveAttribute(
    "href",
    "#word-swap",
  );
  const words = chapter.getByRole("region", {
    name: "Flip a sentiment classifier with word swaps",
  });
  await words.scrollIntoViewIfNeeded();
  tasks.push(
    ...(await watched(page, () =>
      waitForText(
        page,
        "#arms-race [aria-label='flip rate'] caption",
        /^Of \d+ correctly read sentences$/,
        {
          timeout: 180_000,
        },
      ),
    )),
  );
  await expect(words).toContainText(/reads \d+\.\d% of the 300 held-out sentences correctly/);
  const flipping = words.getByRole("option", { name: /\(flips with [12]\)$/ }).first();
  const text = ((await flipping.textContent()) ?? "").replace(/ \(flips with \d\)$/, "");
  await words.getByRole("textbox", { name: "sentence" }).fill(text);
  await words.getByRole("radio", { name: "3" }).check();
  await words.getByRole("button", { name: "Attack sentence" }).click();
  const result = words.getByRole("region", { name: "word swap result" });
  tasks.push(
    ...(await watched(page, () =>
      waitForText(page, "#word-swap .attack-verdict", /^Flipped from/),
    )),
  );
  await expect(result.locator("mark").first()).toBeVisible();
  await expect(result.getByRole("table", { name: "swaps" }).getByRole("row")).not.toHaveCount(1);
  // The keyboard path: a typed sentence, attacked with Ctrl+Enter from the box.
  const box = words.getByRole("textbox", { name: "sentence" });
  await box.fill("The staff were rude and the room was dirty.");
  await box.press("Control+Enter");
  await waitForText(page, "#word-swap .word-swap-result", /staff were rude and the room was dirty/);

  // A timeline stop applies its settings and scrolls to its demo: chapter 1, one FGSM step.
  await timeline.getByRole("link", { name: "Chapter 1, one FGSM step" }).click();
  await expect(page.locator("#prank select[aria-label='Attack method']")).toHaveValue("fgsm");
  await expect(page.locator("#prank")).toBeInViewport();

  expectNoTaskOverAllowance(tasks, "chapter 8");
});
