import { expect, expectTop1, test, waitForIdle } from "../e2e/fixtures";
import type { ZooBatchRow } from "../src/engine/attacks/zoo/batch";
import type { ZooComparison } from "../src/engine/attacks/zoo/compare";
import { digitsJob } from "./digitsJob";
import { table } from "./stats";

test.setTimeout(900_000);

const ATTACKS = [
  "fgsm",
  "fgsmTargeted",
  "pgd",
  "miFgsm",
  "pgdL2",
  "deepFool",
  "cw",
  "jsma",
  "greedyPixels",
];
/** The attacks that run on photos (JSMA's pairs do not). */
const PHOTO_ATTACKS = ATTACKS.filter((id) => id !== "jsma");

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
    expect(rows).toHaveLength(ATTACKS.length);
  }
});

/**
 * The comparison on chapter 1's panda and MobileNet v1 0.25 (ImageNet worker), photo defaults,
 * targeted attacks aiming at gibbon: what the zoo's table shows, and what each attack costs here.
 */
test("attack zoo: every photo attack on the panda", async ({ page }) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  const result = (await page.evaluate(async (ids) => {
    type Compute = (method: string, args: object, options?: object) => Promise<unknown>;
    const lab = (
      window as unknown as {
        __gibbon: { store: { getState(): { actions: { compute: Compute } } } };
      }
    ).__gibbon.store;
    const attacks = ids.map((id) => ({ id, params: {} }));
    return lab.getState().actions.compute(
      "zooCompare",
      { attacks, target: 368 },
      {
        priority: "batch",
      },
    );
  }, PHOTO_ATTACKS)) as ZooComparison;
  const lines: (string | number)[][] = [
    [
      "attack",
      "success",
      "top-1",
      "L0 values",
      "L2",
      "L-inf (levels)",
      "gradients",
      "forward",
      "ms",
    ],
    ...result.rows.map((r) => {
      const top = Array.from(r.probs).indexOf(Math.max(...r.probs));
      return [
        r.id,
        r.success ? "yes" : "no",
        `${top} ${(100 * r.probs[top]).toFixed(1)}%`,
        r.size.l0,
        r.size.l2.toFixed(3),
        (255 * r.size.linf).toFixed(0),
        r.backward,
        r.forward,
        r.ms.toFixed(0),
      ];
    }),
  ];
  console.log(`\npanda (clean top-1 ${result.label}), MobileNet v1 0.25\n${table(lines)}\n`);
  expect(result.rows).toHaveLength(PHOTO_ATTACKS.length);
});
