import * as tf from "@tensorflow/tfjs-core";
import { type ZooBatchRow, zooBatchRow } from "../../engine/attacks/zoo/batch";
import { compareInJob } from "../../engine/attacks/zoo/compare";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { digitImages } from "../../engine/digits/mnistData";
import { holding, type ModelSlot } from "../rpc/modelSlot";
import type { Handlers } from "../rpc/serve";
import type { DigitModel } from "./digitModel";
import type { ZooApi } from "./zooApi";

/** What the zoo borrows from the digits worker: the digits and the three models' slots. */
export interface ZooNeeds {
  split(): DigitSplit;
  model(kind: DigitModelKind): ModelSlot<DigitModel>;
}

export function createZooHandlers(needs: ZooNeeds): Handlers<ZooApi> {
  return {
    async zooCompare({ kind, index, attacks }, job) {
      const test = needs.split().test;
      if (!(Number.isInteger(index) && index >= 0 && index < test.count))
        throw new RangeError(`There is no test digit ${index}.`);
      const slot = needs.model(kind);
      const between = holding(job, slot); // a retrain stops the comparison
      const x = digitImages(test, index, index + 1);
      const request = { attacks, target: null, domain: "digits" as const };
      const { signal, progress } = job;
      return compareInJob(slot.get().logits, x, request, { signal, progress, between }).finally(
        () => x.dispose(),
      );
    },

    async zooBatch({ kind, attacks, count, params = {} }, job) {
      const slot = needs.model(kind);
      const between = holding(job, slot); // every row on one model: a retrain stops the batch
      const test = needs.split().test;
      const n = Math.max(1, Math.min(count, test.count));
      const x = digitImages(test, 0, n);
      const labels = Array.from(test.labels.subarray(0, n));
      const rows: ZooBatchRow[] = [];
      try {
        for (const id of attacks) {
          rows.push(await zooBatchRow(id, slot.get().logits, x, labels, params[id]));
          job.progress({ done: rows.length, total: attacks.length, rows: [...rows] });
          await between();
        }
      } finally {
        tf.dispose(x);
      }
      return rows;
    },
  };
}
