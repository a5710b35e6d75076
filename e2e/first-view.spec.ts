import { expect, expectTop1, listItems, tellFgsmStory, test, waitForIdle } from "./fixtures";

const ORIGINAL = "original prediction";
const ADVERSARIAL = "adversarial prediction";

test("the first view is the famous result, from the app's own files: panda in, gibbon out", async ({
  page,
  offOrigin,
}) => {
  await page.goto("/");
  const prank = page.locator("#prank");
  // No interaction: the built-in MobileNet judges the built-in panda, then its PGD-made twin.
  await expectTop1(page, ORIGINAL, "giant panda");
  await expectTop1(page, ADVERSARIAL, "gibbon");
  const [gibbon] = await listItems(page, ADVERSARIAL);
  expect(Number.parseFloat(gibbon.replace(/^gibbon /, ""))).toBeGreaterThan(90);
  // The title, the settings on screen and the paper-vs-here table tell the same story.
  await expect(prank.getByRole("heading", { level: 2 })).toContainText("gibbon");
  await expect(prank.locator(".eps-value")).toContainText("ε = 2/255");
  await expect(prank.getByRole("button", { name: /^Panda → gibbon/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const table = prank.getByRole("table");
  await expect(table).toContainText("PGD, 10 steps, target gibbon, ε = 2/255");
  await expect(table.getByRole("row", { name: /^Adversarial/ })).toContainText(/gibbon \d/);
  // The photo's credit sits beside it, linked.
  await expect(
    prank.locator(".triptych").getByRole("link", { name: "Aaron Logan, CC BY 1.0" }),
  ).toBeVisible();
  // Chapter 1 needed no host but this one.
  expect(offOrigin).toEqual([]);

  // One click: the essay's plain story, one untargeted FGSM step.
  await tellFgsmStory(page);
  await expect(prank.locator(".eps-value")).toContainText("ε = 4/255");
  await expect(table).toContainText("FGSM, untargeted, ε = 4/255");
  const [top] = await listItems(page, ADVERSARIAL);
  expect(top).not.toMatch(/^giant panda /);
  expect(offOrigin).toEqual([]);
});

for (const [query, kept] of [
  ["/?x=%E0%A4%A", ""],
  ["/?ref=100%&keep=1", "?keep=1"],
]) {
  test(`a malformed query (${query}) still loads the panda`, async ({ page }) => {
    await page.goto(query);
    await expectTop1(page, ORIGINAL, "giant panda");
    expect(await page.evaluate(() => location.search)).toBe(kept);
  });
}

/**
 * Runs in the page before the app: records, from the lab store, the order in which chapter 1's
 * sweep levels become ready (in window.__order), from the very first one.
 */
function recordReadyLevels() {
  type Sweep = { sweep: { probs: unknown[] } | null };
  type Store = { subscribe(f: (s: Sweep) => void): void };
  const w = window as unknown as { __order: number[]; __gibbon?: { store?: Store } };
  w.__order = [];
  let hooked = false;
  let value: typeof w.__gibbon;
  Object.defineProperty(window, "__gibbon", {
    configurable: true,
    get: () => value,
    set: (v: typeof w.__gibbon) => {
      value = v;
      if (hooked || !v?.store) return;
      hooked = true;
      v.store.subscribe((s) =>
        s.sweep?.probs.forEach((p, k) => {
          if (p && !w.__order.includes(k)) w.__order.push(k);
        }),
      );
    },
  });
}

test("the PGD sweep fills in nearest the slider first, and a ready level shows at once", async ({
  page,
}) => {
  await page.addInitScript(recordReadyLevels);
  await page.goto("/");
  await expect(page.getByRole("listbox", { name: /target/i })).toHaveValue("368");
  const ready = () => page.evaluate(() => (window as unknown as { __order: number[] }).__order);
  // Nearest 2/255 first (the lower level on a tie).
  await expect.poll(async () => (await ready()).length, { timeout: 120_000 }).toBeGreaterThan(4);
  expect((await ready()).slice(0, 5)).toEqual([2, 1, 3, 0, 4]);
  // A ready level is shown without a new attack: no "Running PGD" status line, one forward pass.
  const slider = page.locator("#prank").getByRole("slider", { name: /epsilon/ });
  await slider.focus();
  await slider.press("ArrowRight");
  await expect(page.getByRole("list", { name: ADVERSARIAL })).toHaveAttribute("data-input", "eps3");
  await expect(page.locator(".working")).toHaveCount(0);
  await expectTop1(page, ADVERSARIAL, "gibbon");
  // Jump to the end: the levels filled next are the ones around 32/255.
  await slider.press("End");
  await waitForIdle(page);
  await expect.poll(async () => (await ready()).includes(31), { timeout: 120_000 }).toBe(true);
  const order = await ready();
  // After the jump: 32 (the slider's own), then 31, before anything in the middle. The level
  // under way when the slider jumped may finish in between (the slider's job cuts in between
  // its PGD steps; CI saw 32, 5, 31 on the faster cpu backend).
  const jump = order.indexOf(32);
  expect(order.indexOf(31)).toBeGreaterThan(jump);
  expect(order.slice(jump + 1, order.indexOf(31)).length).toBeLessThanOrEqual(1);
  expect(order.filter((k) => k > 10 && k < 24)).toEqual([]);
});
