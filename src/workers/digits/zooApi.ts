import type { ZooBatchRow } from "../../engine/attacks/zoo/batch";
import type {
  ZooCompareProgress,
  ZooCompareRequest,
  ZooComparison,
} from "../../engine/attacks/zoo/compare";
import type { ZooAttackId, ZooParams } from "../../engine/attacks/zoo/registry";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { Method } from "../rpc/protocol";

/** The attack zoo's jobs on the digit models, served by the digits worker. */
export type ZooApi = {
  /**
   * The comparison: each attack with its settings on test digit `index` of model `kind` (the
   * untargeted ones leave the model's clean answer; targeted ones aim at the next class).
   */
  zooCompare: Method<
    { kind: DigitModelKind; index: number } & Pick<ZooCompareRequest, "attacks">,
    ZooComparison,
    ZooCompareProgress
  >;
  /**
   * Batch mode: each attack (default settings, changed by `params`) over test digits
   * [0, count) of model `kind`, summarised (success, median sizes, gradients, time); a row is
   * reported as each finishes.
   */
  zooBatch: Method<
    {
      kind: DigitModelKind;
      attacks: ZooAttackId[];
      count: number;
      params?: Partial<Record<ZooAttackId, ZooParams>>;
    },
    ZooBatchRow[],
    { done: number; total: number; rows: ZooBatchRow[] }
  >;
};
