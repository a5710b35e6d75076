import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "../e2e/fixtures";
import { table } from "./stats";

test.setTimeout(1_800_000);

/**
 * Chapters 2-4 on the digits, in headless Chromium: the full transfer matrix on the 2,000 test
 * digits (FGSM and PGD-5 at 26/255; 3 sources x 3 targets), and one live training epoch of each
 * built-in model (125 batches of 64, as the page's "Retrain" runs it, including the per-batch
 * checkpoint and the test-accuracy pass at the end), all in the digits worker. Reported, not
 * asserted.
 */
test("digit chapters: transfer matrix and training epochs", async ({ page }) => {
  await page.goto("/");
  const timings = await page.evaluate(async () => {
    type Kind = "softmax" | "mlp" | "cnn";
    interface Digits {
      getState(): {
        actions: { start(): Promise<void>; retrain(kind: Kind, epochs: number): Promise<void> };
        training: { status: string; total: number } | null;
        backend: { name: string } | null;
        models: Record<Kind, { testAccuracy: number | null }>;
      };
    }
    interface Transfer {
      getState(): {
        actions: { setAttack(p: object): void; compute(): void };
        result: { status: string; error: (number[] | null)[]; clean: number[] | null } | null;
      };
      subscribe(fn: () => void): () => void;
    }
    const g = (
      window as unknown as {
        __gibbon: { digits: Digits; transfer: Transfer };
      }
    ).__gibbon;
    await g.digits.getState().actions.start();
    const matrix = async (attack: object) => {
      const t0 = performance.now();
      g.transfer.getState().actions.setAttack(attack);
      g.transfer.getState().actions.compute();
      await new Promise<void>((resolve) => {
        const off = g.transfer.subscribe(() => {
          if (g.transfer.getState().result?.status !== "running") {
            off();
            resolve();
          }
        });
      });
      const r = g.transfer.getState().result;
      return { ms: performance.now() - t0, status: r?.status, error: r?.error, clean: r?.clean };
    };
    const fgsm = await matrix({ kind: "fgsm", epsLevel: 26 });
    const pgd = await matrix({ kind: "pgd", epsLevel: 26, steps: 5 });
    const epochs: Record<string, { ms: number; batches: number; accuracy: number | null }> = {};
    for (const kind of ["softmax", "mlp", "cnn"] as Kind[]) {
      const t0 = performance.now();
      await g.digits.getState().actions.retrain(kind, 1);
      const s = g.digits.getState();
      epochs[kind] = {
        ms: performance.now() - t0,
        batches: s.training?.total ?? 0,
        accuracy: s.models[kind].testAccuracy,
      };
    }
    return { backend: g.digits.getState().backend?.name ?? "?", fgsm, pgd, epochs };
  });
  const fmt = (m: (number[] | null)[] | undefined) =>
    (m ?? [])
      .map((row) => (row ?? []).map((v) => `${(v * 100).toFixed(1)}%`).join(" "))
      .join(" | ");
  const report = table([
    ["measure", "ms", `(${timings.backend}, one run each)`],
    [
      "transfer matrix, FGSM 26/255, 2,000 digits",
      timings.fgsm.ms.toFixed(0),
      fmt(timings.fgsm.error),
    ],
    [
      "transfer matrix, PGD-5 26/255, 2,000 digits",
      timings.pgd.ms.toFixed(0),
      fmt(timings.pgd.error),
    ],
    ...Object.entries(timings.epochs).map(([k, e]) => [
      `one training epoch, ${k} (${e.batches} batches)`,
      e.ms.toFixed(0),
      `test accuracy after it ${((e.accuracy ?? 0) * 100).toFixed(1)}%`,
    ]),
  ]);
  console.log(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/digits.json", JSON.stringify(timings, null, 2));
  expect(timings.fgsm.status).toBe("done");
});
