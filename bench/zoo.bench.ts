import { expect, test } from "../e2e/fixtures";
import type { ZooBatchRow } from "../src/engine/attacks/zoo/batch";
import { digitsJob } from "./digitsJob";
import { table } from "./stats";

test.setTimeout(900_000);

const ATTACKS = ["fgsm", "fgsmTargeted", "pgd", "miFgsm", "pgdL2", "deepFool", "cw", "jsma"];

/**
 * The attack zoo's batch mode on 100 test digits of each digit model, default settings, in
 * headless Chromium: success, median sizes of the successful changes, gradients and time.
 */
test("attack zoo: every attack on 100 test digits of each digit model", async ({ page }) => {
  await page.goto("/");
  for (const kind of ["softmax", "mlp", "cnn"]) {
    const rows = await digitsJob<ZooBatchRow[]>(page, "zooBatch", {
      kind,
      attacks: ATTACKS,
      count: 100,
    });
    const lines: (string | number)[][] = [
      ["attack", "success", "median L0", "median L2", "median L-inf (levels)", "gradients", "ms"],
      ...rows.map((r) => [
        r.id,
        `${(100 * r.success).toFixed(0)}%`,
        Number.isNaN(r.medianL0) ? "–" : r.medianL0,
        Number.isNaN(r.medianL2) ? "–" : r.medianL2.toFixed(3),
        Number.isNaN(r.medianLinf) ? "–" : (255 * r.medianLinf).toFixed(0),
        r.backward,
        r.ms.toFixed(0),
      ]),
    ];
    console.log(`\n${kind}, 100 test digits\n${table(lines)}\n`);
    expect(rows).toHaveLength(8);
  }
});
