import { PNG } from "pngjs";
import { expect, expectTop1, jumpToChapter, test, waitForIdle } from "./fixtures";

/** A photo nobody else has: seeded noise in a 96 px PNG, under a name that must never travel. */
function privatePhoto(): Buffer {
  const png = new PNG({ width: 96, height: 96 });
  let seed = 12345;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    png.data[i] = (i & 3) === 3 ? 255 : seed >>> 24;
  }
  return PNG.sync.write(png);
}

const SECRET_NAME = "my-private-holiday-photo.png";

test("the reader's photo, its attack, its download and a training run send nothing anywhere", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const requests: { url: string; method: string; body: number }[] = [];
  page.on("request", (r) =>
    requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer()?.length ?? 0 }),
  );
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  const origin = new URL(page.url()).origin;

  // Upload, attack (the page attacks the new photo at once), download.
  await page.getByLabel(/upload/i).setInputFiles({
    name: SECRET_NAME,
    mimeType: "image/png",
    buffer: privatePhoto(),
  });
  await expect(
    page.getByRole("list", { name: "original prediction" }).getByRole("listitem").first(),
  ).not.toHaveText(/^giant panda/);
  await waitForIdle(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download adversarial PNG" }).click();
  expect((await download).suggestedFilename()).toMatch(/^gibbon-adversarial-eps\d+-/);

  // Train: chapter 5's lab, a short run.
  await jumpToChapter(page, "training");
  const lab = page.locator("#training-lab");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(lab).toHaveAttribute("data-phase", "running", { timeout: 60_000 });
  await lab.getByRole("button", { name: "Pause" }).click();
  await expect(lab).toHaveAttribute("data-phase", "paused", { timeout: 60_000 });

  // Every request: the app's own origin (or a blob/data URL of the page), read-only, no body.
  const offOrigin = requests.filter(
    (r) => !r.url.startsWith(`${origin}/`) && !/^(blob|data):/.test(r.url),
  );
  expect(offOrigin).toEqual([]);
  expect(requests.filter((r) => r.method !== "GET" || r.body > 0)).toEqual([]);
  expect(requests.filter((r) => r.url.includes("holiday"))).toEqual([]);
  expect(requests.length).toBeGreaterThan(10); // the recorder saw the app's own loads
});
