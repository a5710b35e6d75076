import type { ZooBatchRow } from "../../engine/attacks/zoo/batch";
import type { ZooAttackId } from "../../engine/attacks/zoo/registry";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { Method } from "../rpc/protocol";

/** The attack zoo's jobs on the digit models, served by the digits worker. */
export type ZooApi = {
  /**
   * Batch mode: each attack (default settings) over test digits [0, count) of model `kind`,
   * summarised (success, median sizes, gradients, time); a row is reported as each finishes.
   */
  zooBatch: Method<
    { kind: DigitModelKind; attacks: ZooAttackId[]; count: number },
    ZooBatchRow[],
    { done: number; total: number; rows: ZooBatchRow[] }
  >;
};
