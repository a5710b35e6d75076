import * as tf from "@tensorflow/tfjs-core";
import { type ZooBatchRow, zooBatchRow } from "../../engine/attacks/zoo/batch";
import { compareInJob } from "../../engine/attacks/zoo/compare";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { digitImages } from "../../engine/digits/mnistData";
import type { LogitsFn } from "../../engine/types";
import type { Handlers } from "../rpc/serve";
import type { ZooApi } from "./zooApi";

/** What the zoo borrows from the digits worker: the digits and the three models as they are. */
export interface ZooNeeds {
  split(): DigitSplit;
  logits(kind: DigitModelKind): LogitsFn;
}

export function createZooHandlers(needs: ZooNeeds): Handlers<ZooApi> {
  return {
    async zooCompare({ kind, index, attacks }, job) {
      const test = needs.split().test;
      if (!(Number.isInteger(index) && index >= 0 && index < test.count))
        throw new RangeError(`There is no test digit ${index}.`);
      const x = digitImages(test, index, index + 1);
      const request = { attacks, target: null, domain: "digits" as const };
      const { signal, progress } = job;
      const between = () => job.checkpoint();
      return compareInJob(needs.logits(kind), x, request, { signal, progress, between }).finally(
        () => x.dispose(),
      );
    },

    async zooBatch({ kind, attacks, count, params = {} }, job) {
      const test = needs.split().test;
      const n = Math.max(1, Math.min(count, test.count));
      const x = digitImages(test, 0, n);
      const labels = Array.from(test.labels.subarray(0, n));
      const rows: ZooBatchRow[] = [];
      try {
        for (const id of attacks) {
          rows.push(await zooBatchRow(id, needs.logits(kind), x, labels, params[id]));
          job.progress({ done: rows.length, total: attacks.length, rows: [...rows] });
          await job.checkpoint();
        }
      } finally {
        tf.dispose(x);
      }
      return rows;
    },
  };
}
