import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "../e2e/fixtures";
import { median, table } from "./stats";

test.setTimeout(900_000);

/**
 * Chapter 7 in headless Chromium, in the digits worker: one digit's attack path (ten eps levels,
 * 20 PGD steps each, with the noise beside it) and the table over 50 test digits (the same levels
 * and steps, the CNN attacked too), each as a ratio to one forward+backward pass of the 16-D VAE's
 * latent objective on the same batch (1 digit, 50 digits). Reported, not asserted.
 */
test("chapter 7: attack path and table, relative to one VAE forward+backward", async ({ page }) => {
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
    const url = new URL("models/vae/", location.href).href;
    await compute("vaeMap", { kind: "vae16", url });
    const unit = async (count: number) =>
      (
        (await compute("vaeTimings", { kind: "vae16", count, runs: 5 })) as {
          forwardBackward: number[];
        }
      ).forwardBackward;
    const levels = [0, 5, 10, 15, 20, 26, 38, 51, 64, 77];
    const args = { kind: "vae16", objective: "latent", steps: 20, levels };
    const path: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await compute("vaePath", { ...args, source: { test: i }, target: { class: 3 } });
      path.push(performance.now() - t0);
    }
    const t0 = performance.now();
    await compute("vaeTable", { ...args, count: 50 }, { priority: "batch" });
    const tableMs = performance.now() - t0;
    return { one: await unit(1), fifty: await unit(50), path, tableMs };
  });
  const one = median(out.one);
  const fifty = median(out.fifty);
  const path = median(out.path);
  const report = table([
    ["measure", "ms", "ratio"],
    ["VAE forward+backward, 1 digit (median of 5)", one.toFixed(1), "1"],
    [
      "attack path, 10 levels x 20 steps, + noise (median of 3)",
      path.toFixed(0),
      (path / one).toFixed(0),
    ],
    ["VAE forward+backward, 50 digits (median of 5)", fifty.toFixed(1), "1"],
    [
      "table, 50 digits x 10 levels x 20 steps, + CNN PGD",
      out.tableMs.toFixed(0),
      (out.tableMs / fifty).toFixed(0),
    ],
  ]);
  console.log(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/vae.json", JSON.stringify(out, null, 2));
  expect(out.path).toHaveLength(3);
});
