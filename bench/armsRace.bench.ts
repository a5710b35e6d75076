import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "../e2e/fixtures";
import { median, table } from "./stats";

test.setTimeout(900_000);

/**
 * Chapter 8 in headless Chromium, in the digits worker: noisy samples per second of the
 * smoothed classifier's base CNN (sigma 0.25) batched as CERTIFY draws them (500 per forward
 * pass) against one digit per forward pass, and whole certificates at n = 10,000 and 100,000
 * (n0 = 100). Reported, not asserted.
 */
test("chapter 8: samples per second, batched against single forward passes", async ({ page }) => {
  await page.goto("/");
  const out = await page.evaluate(async () => {
    type Compute = (method: string, args: object, options?: object) => Promise<unknown>;
    const digits = (
      window as unknown as {
        __gibbon: {
          digits: { getState(): { actions: { start(): Promise<void>; compute: Compute } } };
        };
      }
    ).__gibbon.digits;
    await digits.getState().actions.start();
    const { compute } = digits.getState().actions;
    const url = new URL("models/smoothing/", location.href).href;
    const timings = (await compute("smoothTimings", {
      kind: "sigma025",
      url,
      batch: 500,
      runs: 9,
    })) as { batched: number[]; single: number[] };
    const certify = async (n: number) => {
      const t0 = performance.now();
      const args = { kind: "sigma025", url, n0: 100, n, alpha: 0.001, seed: 1 };
      await compute("certify", { ...args, source: { test: 0 } });
      return performance.now() - t0;
    };
    return { ...timings, certify10k: await certify(10_000), certify100k: await certify(100_000) };
  });
  const batched = median(out.batched);
  const single = median(out.single);
  const perSecond = (samples: number, ms: number) => Math.round((samples / ms) * 1000);
  const report = table([
    ["measure", "ms", "samples per second", "ratio"],
    ["one digit per forward pass (median of 9)", single.toFixed(2), perSecond(1, single), "1"],
    [
      "500 noisy copies per forward pass (median of 9)",
      batched.toFixed(1),
      perSecond(500, batched),
      (perSecond(500, batched) / perSecond(1, single)).toFixed(1),
    ],
    [
      "CERTIFY, n0 = 100, n = 10,000",
      out.certify10k.toFixed(0),
      perSecond(10_100, out.certify10k),
      (perSecond(10_100, out.certify10k) / perSecond(1, single)).toFixed(1),
    ],
    [
      "CERTIFY, n0 = 100, n = 100,000",
      out.certify100k.toFixed(0),
      perSecond(100_100, out.certify100k),
      (perSecond(100_100, out.certify100k) / perSecond(1, single)).toFixed(1),
    ],
  ]);
  console.log(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/smoothing.json", JSON.stringify(out, null, 2));
  expect(out.batched).toHaveLength(9);
});
