import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "../e2e/fixtures";
import { certifiedAccuracy } from "../src/engine/smoothing/certifiedAccuracy";
import { digitsJob } from "./digitsJob";
import { median, table } from "./stats";

test.setTimeout(900_000);

/** A chapter 8 job on the shipped smoothing base classifiers (their URL added). */
const smoothingJob = <T>(page: Page, method: string, args: object) =>
  digitsJob<T>(page, method, { url: new URL("models/smoothing/", page.url()).href, ...args });

function save(name: string, data: unknown): void {
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/${name}.json`, JSON.stringify(data, null, 2));
}

/**
 * Chapter 8 in headless Chromium, in the digits worker: noisy samples per second of the
 * smoothed classifier's base CNN (sigma 0.25) batched as CERTIFY draws them (500 per forward
 * pass) against one digit per forward pass, and whole certificates at n = 10,000 and 100,000
 * (n0 = 100). Reported, not asserted.
 */
test("chapter 8: samples per second, batched against single forward passes", async ({ page }) => {
  await page.goto("/");
  const timings = await smoothingJob<{ batched: number[]; single: number[] }>(
    page,
    "smoothTimings",
    {
      kind: "sigma025",
      batch: 500,
      runs: 9,
    },
  );
  const certify = async (n: number) => {
    const t0 = Date.now();
    const args = { kind: "sigma025", n0: 100, n, alpha: 0.001, seed: 1, source: { test: 0 } };
    await smoothingJob(page, "certify", args);
    return Date.now() - t0;
  };
  const out = {
    ...timings,
    certify10k: await certify(10_000),
    certify100k: await certify(100_000),
  };
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
  save("smoothing", out);
  expect(out.batched).toHaveLength(9);
});

/**
 * Chapter 8's certified accuracy on the first 100 test digits at each noise level (n0 = 100,
 * n = 10,000, alpha = 0.001), for the closing note beside Cohen et al.'s table.
 */
test("chapter 8: certified accuracy against radius, 100 test digits", async ({ page }) => {
  await page.goto("/");
  const radii = [0, 0.25, 0.5, 0.75, 1, 1.25];
  const rows: (string | number)[][] = [["sigma", ...radii.map((r) => `r = ${r}`)]];
  const out: Record<string, unknown> = {};
  for (const kind of ["sigma025", "sigma050"]) {
    const args = { kind, n0: 100, n: 10_000, alpha: 0.001, seed: 1, count: 100 };
    const entries = await smoothingJob<
      { label: number; prediction: number | null; radius: number | null }[]
    >(page, "certifyCurve", args);
    out[kind] = entries;
    rows.push([kind, ...radii.map((r) => `${(100 * certifiedAccuracy(entries, r)).toFixed(0)}%`)]);
  }
  console.log(`\n${table(rows)}\n`);
  save("certified-accuracy", out);
  expect(Object.keys(out)).toHaveLength(2);
});

/**
 * Chapter 8's defence table over the first 200 test digits (20 PGD steps), at three settings of
 * grey values and eps: correct digits without and with the rounding, under each attack.
 */
test("chapter 8: the rounding defence against FGSM, PGD and BPDA, 200 test digits", async ({
  page,
}) => {
  await page.goto("/");
  type Hits = {
    count: number;
    undefended: Record<string, number>;
    defended: Record<string, number>;
  };
  const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;
  const rows: (string | number)[][] = [
    ["grey values, eps", "clean", "FGSM", "PGD", "defended clean", "FGSM", "PGD", "BPDA-PGD"],
  ];
  const out: Hits[] = [];
  for (const [levels, epsLevel] of [
    [2, 77],
    [4, 51],
    [8, 26],
  ]) {
    const h = await digitsJob<Hits>(page, "defenceTable", {
      levels,
      epsLevel,
      steps: 20,
      count: 200,
      seed: 1,
    });
    out.push(h);
    const { undefended: u, defended: d, count: n } = h;
    rows.push([
      `${levels}, ${epsLevel}/255`,
      pct(u.clean, n),
      pct(u.fgsm, n),
      pct(u.pgd, n),
      pct(d.clean, n),
      pct(d.fgsm, n),
      pct(d.pgd, n),
      pct(d.bpda, n),
    ]);
  }
  console.log(`\n${table(rows)}\n`);
  save("defence", out);
  expect(out).toHaveLength(3);
});

/**
 * Chapter 8's language-model stop in the digits worker: training the sentiment classifier, the
 * word-swap attack's time per sentence at k = 1, 2, 3 against one forward and backward pass on
 * a sentence (30 held-out sentences), and the flip rate over all 300. Reported, not asserted.
 */
test("chapter 8: word-swap attack time per sentence against one forward and backward pass", async ({
  page,
}) => {
  await page.goto("/");
  const url = new URL("data/sentences.tsv", page.url()).href;
  const t0 = Date.now();
  const model = await digitsJob<{ testAccuracy: number }>(page, "textTrain", { url, seed: 1 });
  const trainMs = Date.now() - t0;
  const t = await digitsJob<{ pass: number[]; attack: number[][] }>(page, "textTimings", {
    count: 30,
  });
  const t1 = Date.now();
  const rate = await digitsJob<{
    attacked: number;
    flipped: number[];
    ranked: number;
    bestInTop3: number;
  }>(page, "textFlipRate", { count: 300 });
  const flipMs = Date.now() - t1;
  const pass = median(t.pass);
  const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;
  const rows: (string | number)[][] = [
    ["measure (median of 30 sentences)", "ms", "× one pass", "flip rate (300 held out)"],
    ["one forward + backward pass", pass.toFixed(2), "1", ""],
    ...t.attack.map((ms, k) => [
      `attack, k = ${k + 1}`,
      median(ms).toFixed(1),
      (median(ms) / pass).toFixed(1),
      pct(rate.flipped[k], rate.attacked),
    ]),
  ];
  console.log(`\n${table(rows)}\n`);
  console.log(
    `training: ${trainMs} ms, held-out accuracy ${pct(model.testAccuracy, 1)}; flip rate over ${rate.attacked} sentences: ${flipMs} ms; best single swap in the estimate's top 3: ${rate.bestInTop3} of ${rate.ranked}\n`,
  );
  save("word-swap", { trainMs, model, ...t, rate, flipMs });
  expect(t.attack).toHaveLength(3);
});
