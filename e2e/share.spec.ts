import type { Page } from "@playwright/test";
import { expect, expectTop1, test, waitForIdle } from "./fixtures";

/** A view that differs from the default in every chapter (values within every limit). */
const SHARED: Record<string, string> = {
  img: "cat",
  atk: "fgsm",
  eps: "5",
  tgt: "none",
  "l.from": "1",
  "l.model": "cnn",
  "s.model": "cnn",
  "s.digit": "7",
  "s.eps": "40",
  "t.atk": "pgd",
  "t.it": "7",
  "tr.model": "softmax",
  "tr.seed": "3",
  "v.kind": "vae2",
  "v.tgt": "5",
  "rs.kind": "sigma050",
  "rs.digit": "4",
  "d.levels": "2",
  "ws.k": "3",
  "z.on": "cnn",
  "z.digit": "12",
  "z.atk": "fgsm,deepFool,jsma",
};

/** The link "Share this view" gives for the page as it is now. */
async function sharedLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share this view" }).click();
  const panel = page.getByRole("region", { name: "Share this view" });
  const field = panel.getByRole("textbox", { name: "Link to this view" });
  await expect(field).toHaveValue(/^http/);
  await expect(panel.getByRole("img", { name: "QR code of the link" })).toBeVisible();
  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("status")).toHaveText("Copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await field.inputValue());
  await page.keyboard.press("Escape");
  return copied;
}

test("a shared link restores every chapter's settings, and copying it again gives the same link", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/?${new URLSearchParams(SHARED)}`);
  await expectTop1(page, "original prediction", /^tabby|^tiger cat|^Egyptian cat/);
  await waitForIdle(page);
  // Chapter 1 as the link says: the cat, untargeted FGSM at 5/255.
  await expect(page.locator("#prank .eps-value")).toContainText("ε = 5/255");
  await expect(page.locator('#prank select[aria-label="Attack method"]')).toHaveValue("fgsm");
  await expect(page.getByRole("alert")).toHaveCount(0);

  await expect(page.locator(".link-notice")).toHaveCount(0); // every key was used
  const link = await sharedLink(page);
  expect(Object.fromEntries(new URL(link).searchParams)).toEqual(SHARED);

  // A fresh page from the copied link: the same view, the same link again.
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expectTop1(fresh, "original prediction", /^tabby|^tiger cat|^Egyptian cat/);
  await waitForIdle(fresh);
  await fresh.locator("#attack-zoo").scrollIntoViewIfNeeded();
  const zoo = fresh.getByRole("region", { name: "attack comparison" });
  await expect(zoo.getByRole("radio", { name: "CNN on a digit" })).toBeChecked();
  await expect(zoo.getByText("Test digit #12")).toBeVisible();
  await expect(zoo.getByRole("checkbox", { name: "JSMA" })).toBeChecked();
  await expect(zoo.getByRole("checkbox", { name: "PGD", exact: true })).not.toBeChecked();
  expect(await sharedLink(fresh)).toBe(link);
});

/** Links a hostile or careless sender could make; each must leave a working page. */
const HOSTILE = [
  "?eps=<script>window.__pwned=1</script>",
  '?<img src=x onerror="window.__pwned=1">=1',
  "?img=<b>cat</b>",
  "?model=javascript:alert(1)",
  "?eps=1e999",
  "?eps=-5",
  "?eps=NaN",
  "?eps=Infinity",
  "?eps=0x10",
  "?tgt=99999",
  "?tgt=%3Csvg%20onload%3Dalert(1)%3E",
  "?atk=deepfool",
  "?model=resnet152",
  "?img=../../etc/passwd",
  "?rs=maybe",
  `?eps=${"9".repeat(500)}`,
  `?junk=${"x".repeat(5000)}`,
  "?eps=%E0%A4%A",
  "?eps=100%",
  "?z.atk=fgsm,<script>,nope",
  "?s.digit=-1&s.digit=5",
  "?__proto__=1&constructor=2&toString=3",
  "?l.from=3.5&l.to=%00",
  "?ws.k=%F0%9F%90%92",
];

test("hostile and broken links open the page with the valid part, one notice, no dialog, no error", async ({
  page,
}) => {
  test.setTimeout(400_000);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  for (const query of HOSTILE) {
    await page.goto(`/${query}`);
    await expectTop1(page, "original prediction", /./);
    const notice = page.locator(".link-notice");
    await expect(notice, query).toHaveCount(1);
    await expect(notice).toContainText("Part of this link was not used");
    const hurt = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
      injected: document.querySelectorAll("main script, main img[src='x'], .notice b, .notice svg")
        .length,
    }));
    expect(hurt, query).toEqual({ pwned: 0, injected: 0 });
  }
  expect(dialogs).toBe(0);
});
