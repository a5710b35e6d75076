import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import {
  expect,
  expectTop1,
  fixturePath,
  listItems,
  numTensors,
  setEpsilon,
  tellFgsmStory,
  test,
  waitForIdle,
  waitForSweep,
} from "./fixtures";

const ORIGINAL = "original prediction";
const ADVERSARIAL = "adversarial prediction";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expectTop1(page, ORIGINAL, "giant panda");
  await waitForIdle(page);
});

async function decodePng(path: string): Promise<PNG> {
  return PNG.sync.read(readFileSync(path));
}

test("the panda is a giant panda to MobileNet v1 0.25, on the graphics card or else the processor", async ({
  page,
}) => {
  await expect(page.locator("#prank").getByRole("combobox", { name: /model/i })).toContainText(
    "MobileNet v1",
  );
  // Plain words for students; the technical name in the tooltip. With no GPU (CI's software
  // WebGL) the ImageNet worker computes on cpu instead, and says why.
  const badge = page.locator(".badge");
  await expect(badge).toHaveAttribute("data-backend", /^(webgl|cpu)$/);
  if ((await badge.getAttribute("data-backend")) === "webgl") {
    await expect(badge).toContainText("runs on your graphics card");
    await expect(badge).toHaveAttribute("title", "TensorFlow.js WebGL backend");
  } else {
    await expect(badge).toContainText("runs on your processor (no graphics card)");
    await expect(badge).toHaveAttribute("title", /cpu backend: no GPU found/);
  }
  const items = await listItems(page, ORIGINAL);
  expect(items).toHaveLength(5);
  expect(items[0]).toMatch(/^giant panda \d/);
});

test("untargeted FGSM at eps = 4/255 changes the top-1", async ({ page }) => {
  await tellFgsmStory(page);
  await setEpsilon(page, 4);
  await waitForIdle(page);
  const [top] = await listItems(page, ADVERSARIAL);
  expect(top).not.toMatch(/^giant panda /);
  await expect(page.locator("#prank .eps-value")).toContainText("ε = 4/255 ≈ 0.0157");
});

test("eps = 0 leaves the prediction unchanged", async ({ page }) => {
  await setEpsilon(page, 0);
  await waitForIdle(page);
  expect(await listItems(page, ADVERSARIAL)).toEqual(await listItems(page, ORIGINAL));
});

test("the target can be searched and picked from the class list", async ({ page }) => {
  const list = page.getByRole("listbox", { name: /target/i });
  // Before typing, a few suggestions, every row whole; typing searches all 1,000 classes.
  expect(await list.getByRole("option").count()).toBeLessThan(10);
  await page.getByRole("searchbox", { name: /target/i }).fill("toaster");
  await page.getByRole("listbox", { name: /target/i }).selectOption({ label: "toaster" });
  await setEpsilon(page, 8);
  await waitForIdle(page);
  const [top] = await listItems(page, ADVERSARIAL);
  expect(top).toMatch(/^toaster /);
});

test("uploading cat_chelsea.png classifies the cat", async ({ page }) => {
  await page.getByLabel(/upload/i).setInputFiles(fixturePath("images", "cat_chelsea.png"));
  await expectTop1(page, ORIGINAL, /cat /);
});

test("a corrupt file shows an error and the panda stays", async ({ page }) => {
  const before = await listItems(page, ORIGINAL);
  const corrupt = readFileSync(fixturePath("images", "cat_chelsea.png")).subarray(0, 2000);
  await page
    .getByLabel(/upload/i)
    .setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: corrupt });
  await expect(page.getByRole("alert")).toContainText(/broken\.png: .*could not be decoded/);
  expect(await listItems(page, ORIGINAL)).toEqual(before);
  for (const [name, buffer] of [
    ["empty.png", Buffer.alloc(0)],
    ["notes.txt", Buffer.from("not an image at all")],
    [
      "drawing.svg",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    ],
  ] as const) {
    await page
      .getByLabel(/upload/i)
      .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    await expect(page.getByRole("alert")).toContainText(name);
  }
  expect(await listItems(page, ORIGINAL)).toEqual(before);
});

test("the downloaded adversarial PNG is within eps of the clean image and keeps its prediction", async ({
  page,
}, info) => {
  await setEpsilon(page, 6);
  await waitForIdle(page);
  const [advTop] = await listItems(page, ADVERSARIAL);
  const save = async (name: RegExp) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name }).click(),
    ]);
    const path = info.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    return path;
  };
  const advPath = await save(/download adversarial/i);
  const cleanPath = await save(/download original/i);
  const [adv, clean] = await Promise.all([decodePng(advPath), decodePng(cleanPath)]);
  expect([adv.width, adv.height]).toEqual([224, 224]);
  let maxDiff = 0;
  for (let i = 0; i < adv.data.length; i++) {
    if (i % 4 === 3) continue;
    maxDiff = Math.max(maxDiff, Math.abs(adv.data[i] - clean.data[i]));
  }
  expect(maxDiff).toBeLessThanOrEqual(6);
  expect(maxDiff).toBeGreaterThan(0);
  // Loading the PNG back gives the adversarial prediction.
  await page.getByLabel(/upload/i).setInputFiles(advPath);
  await expectTop1(page, ORIGINAL, advTop.replace(/ [\d.]+%$/, ""));
});

test("200 slider moves, and PGD runs cut short, leave the tensor count where it started", async ({
  page,
}) => {
  await tellFgsmStory(page);
  await waitForSweep(page);
  const slider = page.locator("#prank").getByRole("slider", { name: /epsilon/ });
  await slider.focus();
  const start = await numTensors(page);
  for (let i = 0; i < 199; i++) await slider.press(i % 40 < 20 ? "ArrowRight" : "ArrowLeft");
  // The 200th move is to the end, so the check below knows every move was handled.
  await slider.press("End");
  await expect(page.getByRole("list", { name: ADVERSARIAL })).toHaveAttribute(
    "data-input",
    "eps32",
  );
  await waitForSweep(page);
  await expect.poll(() => numTensors(page)).toBe(start);

  // PGD: its background levels and the slider's runs are aborted by moves and a switch back.
  await page.getByRole("button", { name: /^Panda → gibbon/ }).click();
  await waitForIdle(page);
  await slider.focus();
  for (let i = 0; i < 12; i++) await slider.press(i < 6 ? "ArrowRight" : "ArrowLeft");
  await tellFgsmStory(page);
  await waitForSweep(page);
  await expect.poll(() => numTensors(page)).toBe(start);
});
