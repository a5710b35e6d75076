import AxeBuilder from "@axe-core/playwright";
import { CHAPTERS } from "../src/chapterList";
import { expect, scrollToChapter, test, waitForIdle } from "./fixtures";

/** The serious and critical WCAG A/AA violations axe-core finds inside `selector`. */
async function seriousViolations(page: import("@playwright/test").Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("axe-core finds no serious or critical violation in the masthead, any chapter or the attack zoo", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto("/");
  await waitForIdle(page);
  const found: Record<string, string[]> = { masthead: await seriousViolations(page, ".masthead") };
  for (const { id } of CHAPTERS) {
    await scrollToChapter(page, id);
    if (id === "prank") {
      await page.locator("#attack-zoo").scrollIntoViewIfNeeded();
      await expect(page.getByRole("region", { name: "attack comparison" })).toBeVisible();
    }
    found[id] = await seriousViolations(page, `#${id}`);
  }
  // The cheat sheet, open.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  found.cheatSheet = await seriousViolations(page, ".cheat-sheet");
  console.info(JSON.stringify(found, null, 1));
  expect(Object.values(found).flat()).toEqual([]);
});
