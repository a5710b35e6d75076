import type { ZooCompareRow } from "../../engine/attacks/zoo/compare";
import { ZOO } from "../../engine/attacks/zoo/registry";
import type { ZooSortKey } from "./zooStore";

/** The value a comparison row is sorted by in column `key`. */
const VALUE: Record<ZooSortKey, (r: ZooCompareRow) => number | string> = {
  name: (r) => ZOO[r.id].name,
  success: (r) => Number(r.success),
  confidence: (r) => Math.max(...r.probs),
  margin: (r) => r.margin,
  l0: (r) => r.size.l0,
  l2: (r) => r.size.l2,
  linf: (r) => r.size.linf,
  gradients: (r) => r.backward,
  ms: (r) => r.ms,
};

/** The rows sorted by one column (a stable sort: equal rows keep the order they ran in). */
export function sortZooRows(
  rows: readonly ZooCompareRow[],
  key: ZooSortKey,
  ascending: boolean,
): ZooCompareRow[] {
  const value = VALUE[key];
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [p, q] = [value(a), value(b)];
    return sign * (typeof p === "string" ? p.localeCompare(q as string) : p - (q as number));
  });
}
