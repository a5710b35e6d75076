import type { Locator } from "@playwright/test";
import { expectNoTaskOverAllowance, WATCHED_CHAPTER_USE } from "./chapterWatch";
import {
  expect,
  expectTop1,
  numTensors,
  tellFgsmStory,
  test,
  waitForIdle,
  waitForSweep,
} from "./fixtures";
import { watched, watchLongTasks } from "./longTasks";

test.use(WATCHED_CHAPTER_USE);

const PHOTO_ATTACKS = ["FGSM", "PGD", "DeepFool"];

/** A results row's cells by column header text, for the row of attack `name`. */
async function rowOf(table: Locator, name: string): Promise<Record<string, string>> {
  const headers = await table.locator("thead th").allInnerTexts();
  const row = table.locator("tbody tr", {
    has: table.page().getByRole("link", { name, exact: true }),
  });
  const cells = await row.locator("th, td").allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, "").trim(), cells[i]]));
}

/** The [0,1] value of a size cell, "0.00784 (2.00 levels)". */
const size = (cell: string) => Number.parseFloat(cell);

test("the attack zoo: FGSM, PGD and DeepFool on the panda fill a sortable table, off the main thread", async ({
  page,
}) => {
  await watchLongTasks(page);
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  // FGSM's sweep ends in seconds (PGD's would keep adding images while the zoo runs).
  await tellFgsmStory(page);
  await waitForSweep(page);
  const zoo = page.locator("#attack-zoo");
  await zoo.scrollIntoViewIfNeeded();
  const region = page.getByRole("region", { name: "attack comparison" });
  await expect(region).toBeVisible({ timeout: 30_000 });

  // Exactly FGSM, PGD and DeepFool ticked (they are the photo's defaults; say so explicitly).
  for (const box of await region.getByRole("checkbox").all()) await box.uncheck();
  for (const name of PHOTO_ATTACKS)
    await region.getByRole("checkbox", { name, exact: true }).check();
  // JSMA ranks pixel pairs: offered on digits only.
  await expect(region.getByRole("checkbox", { name: "JSMA" })).toHaveCount(0);

  const before = await numTensors(page);
  const table = page.getByRole("table", { name: "attack comparison results" });
  const tasks = await watched(page, async () => {
    await region.getByRole("button", { name: "Compare" }).click();
    await expect(table.locator("tbody tr")).toHaveCount(3, { timeout: 180_000 });
    await expect(region.getByRole("button", { name: "Compare" })).toBeVisible({ timeout: 60_000 });
  });
  expectNoTaskOverAllowance(tasks, "the attack zoo");

  const fgsm = await rowOf(table, "FGSM");
  const pgd = await rowOf(table, "PGD");
  const deepFool = await rowOf(table, "DeepFool");
  console.info(JSON.stringify({ fgsm, pgd, deepFool }));
  // FGSM at its photo default, 2/255: every value moved by 2 levels at most, exactly 2 somewhere.
  expect(fgsm["L∞"]).toMatch(/\(2\.00 levels\)/);
  expect(fgsm.Gradients).toMatch(/^1 /);
  expect(pgd.Gradients).toMatch(/^10 /);
  // DeepFool looks for the nearest boundary: it fools the model with the smallest L2 change.
  expect(deepFool.Success).toBe("yes");
  expect(deepFool["Top-1 after"]).not.toMatch(/^giant panda/);
  expect(size(deepFool.L2)).toBeLessThan(size(fgsm.L2));
  expect(size(deepFool.L2)).toBeLessThan(size(pgd.L2));

  // Sortable by a column header: time ascending puts one-gradient FGSM first, then descending last.
  const names = () => table.locator("tbody th[scope=row]").allInnerTexts();
  const time = table.getByRole("button", { name: "Time" });
  await time.click();
  await expect(table.getByRole("columnheader", { name: "Time" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  expect((await names())[0]).toBe("FGSM");
  await time.click();
  await expect(table.getByRole("columnheader", { name: "Time" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  expect((await names())[2]).toBe("FGSM");
  await expect(page.getByRole("img", { name: /FGSM: perturbation, amplified ×/ })).toBeVisible();
  // The explanation each row links to.
  await table.getByRole("link", { name: "DeepFool", exact: true }).click();
  await expect(page.locator("#zoo-deepFool")).toBeInViewport();

  expect(await numTensors(page)).toBe(before);

  // The digit models: one test digit, then batch mode over 20 digits (digits worker).
  await region.getByRole("radio", { name: "CNN on a digit" }).check();
  for (const box of await region.getByRole("checkbox").all()) await box.uncheck();
  for (const name of ["DeepFool", "JSMA"])
    await region.getByRole("checkbox", { name, exact: true }).check();
  await region.getByRole("button", { name: "Compare" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(2, { timeout: 120_000 });
  const jsma = await rowOf(table, "JSMA");
  expect(Number.parseInt(jsma["L0 (values changed)"], 10)).toBeLessThanOrEqual(78);
  await region.getByRole("combobox", { name: "Digits" }).selectOption("20");
  await region.getByRole("button", { name: "Run batch" }).click();
  const batch = page.getByRole("table", { name: "attack batch results" });
  await expect(batch.locator("tbody tr")).toHaveCount(2, { timeout: 120_000 });
  await expect(batch.locator("tbody tr").first()).toContainText(/DeepFool\s*100\.00%/);
});

test("the attack zoo pressed at once on the default page: it runs at once or waits for chapter 1's photo, beside the default PGD sweep", async ({
  page,
}) => {
  // Issue 26's new user: the page on its default (targeted PGD, its sweep filling), the zoo
  // reached before chapter 1 has classified, Compare pressed with the photo's defaults.
  await page.goto("/");
  const zoo = page.locator("#attack-zoo");
  await zoo.scrollIntoViewIfNeeded();
  const region = page.getByRole("region", { name: "attack comparison" });
  await expect(region).toBeVisible({ timeout: 30_000 });
  await region.getByRole("button", { name: "Compare" }).click();
  // It shows that it runs at once (before: "Chapter 1's photo is not classified yet.", for good).
  await expect(region.getByRole("button", { name: "Stop" })).toBeVisible({ timeout: 5_000 });
  const table = page.getByRole("table", { name: "attack comparison results" });
  await expect(table.locator("tbody tr")).toHaveCount(3, { timeout: 240_000 });
  await expect(region.getByRole("button", { name: "Compare" })).toBeVisible({ timeout: 60_000 });
  expect(await region.locator(".hint.error").count()).toBe(0);
});
