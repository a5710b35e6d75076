import type { Page } from "@playwright/test";
import { runEveryChapter } from "./chapters";
import { DARKNET_URL, expect, expectTop1, test } from "./fixtures";

/** The one alert in a region, which must name what is missing and offer the files alternative. */
async function expectOneClearNotice(region: ReturnType<Page["locator"]>, host: RegExp) {
  const alert = region.getByRole("alert");
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(host);
  await expect(alert).toContainText(/from files/);
  await expect(region.getByText(/^Load (model|Darknet tiny) from files/).first()).toBeVisible();
}

test("with no network at all, chapter 1 turns the panda into a gibbon, chapters 2-8 run, and remote models say what is missing", async ({
  page,
  offOrigin,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  // Every request off this origin is refused: no Darknet fixture either.
  await page.unroute(`${DARKNET_URL}/**`);
  await runEveryChapter(page);
  await expectTop1(page, "original prediction", "giant panda");
  await expectTop1(page, "adversarial prediction", "gibbon");
  expect(offOrigin).toEqual([]);

  // MobileNet v2 needs TF Hub: one notice; the built-in model stays in use.
  const prank = page.locator("#prank");
  await prank.getByRole("combobox", { name: "ImageNet model" }).selectOption("mobilenet_v2_100");
  await expectOneClearNotice(prank, /tfhub\.dev/);
  await expect(prank.getByRole("alert")).toContainText(/chapters 2–6, need no network/);
  await expect(prank.getByRole("combobox", { name: "ImageNet model" })).toHaveValue(
    "mobilenet_v1_025",
  );
  await expectTop1(page, "original prediction", "giant panda");

  // Darknet (chapter 4's ImageNet card) needs ml5's CDN: the same kind of notice.
  const card = page.locator("#transfer").getByRole("region", { name: /fool Darknet/ });
  await card.getByRole("button", { name: /load darknet-tiny/i }).click();
  await expectOneClearNotice(card, /cdn\.jsdelivr\.net/);
  consoleErrors.length = 0; // refused requests are logged by the browser
});
