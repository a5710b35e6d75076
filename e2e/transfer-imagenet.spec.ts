import type { Locator, Page, Route } from "@playwright/test";
import {
  DARKNET_URL,
  expect,
  expectTop1,
  fixturePath,
  listItems,
  serveModelDir,
  setEpsilon,
  tellFgsmStory,
  test,
  waitForIdle,
} from "./fixtures";

// The ImageNet card of chapter 4: chapter 1's attack on MobileNet, judged by Darknet tiny.
const CLEAN = "Darknet tiny on the clean image";
const ADV = "Darknet tiny on the adversarial image";

/** Chapter 1, whose controls drive the card (other chapters have sliders named epsilon too). */
const prank = (page: Page): Locator => page.locator("#prank");
const card = (page: Page): Locator =>
  page.locator("#transfer").getByRole("region", { name: /does a MobileNet attack fool Darknet/ });

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});

/** Loads Darknet from the card with the keyboard, as a user could. */
async function loadDarknet(page: Page): Promise<void> {
  const button = card(page).getByRole("button", { name: /load darknet-tiny \(4\.2 MB\)/i });
  await button.scrollIntoViewIfNeeded();
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(card(page).getByText(/Darknet tiny is loaded/)).toBeVisible();
}

/** Waits until the card's verdict is about chapter 1's attack `key` ("pgd-t368-eps8"). */
async function verdictFor(page: Page, key: string): Promise<Locator> {
  await expect(page.getByRole("list", { name: ADV })).toHaveAttribute("data-input", key);
  const verdict = card(page).locator(".inet-verdict");
  await expect(verdict).toHaveAttribute("data-input", key);
  return verdict;
}

/** Puts a measured figure in the report (the verdicts vary with backend and photo). */
function measured(what: string, text: string | null): void {
  test.info().annotations.push({ type: "measured", description: `${what}: ${text}` });
}

test("Darknet judges chapter 1's panda, its attacks, and an upload", async ({ page }) => {
  // Nothing is downloaded before the reader asks.
  await expect(card(page).getByRole("list", { name: CLEAN })).toHaveCount(0);
  await loadDarknet(page);
  await expectTop1(page, CLEAN, "giant panda");
  expect(await listItems(page, CLEAN)).toHaveLength(3);

  // Chapter 1's first view: targeted PGD toward gibbon at 2/255 fools MobileNet; the card says
  // whether Darknet follows.
  let verdict = await verdictFor(page, "pgd-t368-eps2");
  expect(await listItems(page, ADV)).toHaveLength(3);
  await expect(verdict).toHaveText(/^The targeted attack (transfers|does not transfer)\. /);
  await expect(card(page).getByTestId("source-after")).toHaveText(/^gibbon /);
  measured("PGD to gibbon, 2/255", await verdict.textContent());

  // The plain story: untargeted FGSM at 4/255.
  await tellFgsmStory(page);
  verdict = await verdictFor(page, "fgsm-u-eps4");
  await expect(verdict).toHaveText(/^(Transfers|Does not transfer)\. /);
  await expect(verdict).toContainText("Darknet tiny's confidence in giant panda went from");
  measured("FGSM 4/255", await verdict.textContent());
  await expect(card(page)).toContainText("crafted on MobileNet v1 0.25: FGSM, untargeted");

  // A stronger targeted attack, set by hand: PGD toward gibbon at 8/255.
  await prank(page)
    .getByRole("combobox", { name: /attack/i })
    .selectOption("pgd");
  await prank(page).getByRole("button", { name: "Target: gibbon" }).click();
  await setEpsilon(page, 8);
  await expectTop1(page, "adversarial prediction", "gibbon");
  verdict = await verdictFor(page, "pgd-t368-eps8");
  measured("PGD to gibbon, 8/255", await verdict.textContent());

  // An upload in chapter 1 reaches the card too.
  await prank(page)
    .getByLabel(/upload/i)
    .setInputFiles(fixturePath("images", "cat_chelsea.png"));
  await expectTop1(page, CLEAN, /cat /);
});

test("a failed Darknet download shows an error with Retry; chapter 1 keeps working", async ({
  page,
  consoleErrors,
}) => {
  const notFound = (route: Route) => route.fulfill({ status: 404, body: "Not Found" });
  await page.route(`${DARKNET_URL}/**`, notFound);
  await card(page)
    .getByRole("button", { name: /load darknet-tiny/i })
    .click();
  const alert = card(page).getByRole("alert");
  await expect(alert).toContainText("Darknet tiny could not be loaded");
  await expect(alert).toContainText("404");
  // The browser logs the 404 itself; that error is expected here.
  consoleErrors.length = 0;

  // Chapter 1 is untouched: a new epsilon still gives a new adversarial prediction.
  await setEpsilon(page, 6);

  // The network is back: Retry shows byte progress, then the card catches up with chapter 1.
  await page.unroute(`${DARKNET_URL}/**`, notFound);
  // The last weight file (32 kB) waits for the test, so the download is seen mid-way.
  const lastShard = `${DARKNET_URL}/group31-shard1of1`;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(lastShard, async (route) => {
    await held;
    await serveModelDir("darknet_tiny")(route);
  });
  const retry = card(page).getByRole("button", { name: /retry/i });
  await retry.focus();
  await page.keyboard.press("Enter");
  // Every byte but the held file's, of the total that model.json announces.
  const progress = card(page).getByRole("progressbar", { name: "Darknet download" });
  await expect(progress).toHaveAttribute("max", "4185952");
  await expect(progress).toHaveAttribute("value", String(4_185_952 - 32_768));
  await expect(card(page)).toContainText("MB of 4.2 MB");
  // The same button now cancels, and keeps the keyboard focus.
  const sameButton = card(page).locator(".inet-loader").getByRole("button");
  await expect(sameButton).toHaveText("Cancel download");
  await expect(sameButton).toBeFocused();
  release();
  await expectTop1(page, CLEAN, "giant panda");
  await verdictFor(page, "pgd-t368-eps6");
  await expect(card(page).getByRole("alert")).toHaveCount(0);
});
