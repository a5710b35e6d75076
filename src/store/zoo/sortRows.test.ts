import { describe, expect, it } from "vitest";
import type { ZooCompareRow } from "../../engine/attacks/zoo/compare";
import { sortZooRows } from "./sortRows";

const row = (id: ZooCompareRow["id"], l2: number, success: boolean, ms: number): ZooCompareRow => ({
  id,
  params: {},
  advRgba: new Uint8ClampedArray(4),
  probs: Float32Array.from([0.2, 0.8]),
  success,
  margin: success ? 1 : -1,
  size: { l0: 1, l2, linf: l2 / 2 },
  forward: 1,
  backward: 1,
  ms,
  trace: [],
});

describe("sorting the comparison table", () => {
  const rows = [row("pgd", 2, true, 30), row("deepFool", 0.5, true, 90), row("fgsm", 3, false, 5)];

  it("orders by a numeric column either way", () => {
    expect(sortZooRows(rows, "l2", true).map((r) => r.id)).toEqual(["deepFool", "pgd", "fgsm"]);
    expect(sortZooRows(rows, "ms", false).map((r) => r.id)).toEqual(["deepFool", "pgd", "fgsm"]);
  });

  it("orders by name alphabetically, and keeps ties in run order", () => {
    expect(sortZooRows(rows, "name", true).map((r) => r.id)).toEqual(["deepFool", "fgsm", "pgd"]);
    expect(sortZooRows(rows, "success", false).map((r) => r.id)).toEqual([
      "pgd",
      "deepFool",
      "fgsm",
    ]);
    expect(rows.map((r) => r.id)).toEqual(["pgd", "deepFool", "fgsm"]); // not sorted in place
  });
});
