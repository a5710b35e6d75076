import { expect, scrollToChapter, test } from "./fixtures";

test("the transfer matrix fills in, with each white-box diagonal above the clean error", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto("/");
  await scrollToChapter(page, "transfer");
  const matrix = page.getByRole("table", { name: "transfer matrix" });
  await expect(matrix).toBeVisible();
  // It starts by itself when the chapter comes into view: FGSM at 26/255 on 2,000 test digits.
  await expect(
    page.getByRole("progressbar", { name: "computing the transfer matrix" }),
  ).toBeVisible();
  await expect(page.getByText(/Examples crafted on the .* fool the .* of the time/)).toBeVisible({
    timeout: 240_000,
  });
  await expect(matrix.getByRole("caption")).toContainText("FGSM at ε = 26/255");
  const percent = (s: string) => Number.parseFloat(s) / 100;
  const clean = (
    await matrix
      .getByRole("row", { name: /clean error/ })
      .getByRole("cell")
      .allTextContents()
  ).map(percent);
  expect(clean).toHaveLength(3);
  for (const [s, name] of ["Softmax", "MLP", "CNN"].entries()) {
    const row = (
      await matrix
        .getByRole("row", { name: new RegExp(`^${name}`) })
        .getByRole("cell")
        .allTextContents()
    ).map(percent);
    expect(row).toHaveLength(3);
    for (const e of row) {
      expect(e).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThanOrEqual(1);
    }
    expect(row[s]).toBeGreaterThanOrEqual(clean[s]);
  }
});
