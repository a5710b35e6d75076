import * as tf from "@tensorflow/tfjs-core";
import { throwIfAborted } from "../abort";
import { fgsm } from "../attacks/fgsm";
import { pgdAsync } from "../attacks/pgd";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import { forEachBatch } from "./batches";
import type { DigitSet } from "./mnistFormat";

/** How the examples are crafted on each source model. */
export interface TransferAttack {
  kind: "fgsm" | "pgd";
  /** eps in 8-bit grey levels (eps = level/255). */
  epsLevel: number;
  /** PGD iterations (ignored by FGSM). */
  steps: number;
}

/** A named classifier, a row and a column of the matrix. */
export interface TransferModel {
  id: string;
  f: LogitsFn;
}

export interface TransferResult {
  ids: string[];
  /** error[s][t]: fraction of digits crafted on model s that model t gets wrong. */
  error: number[][];
  /** Clean error rate of each model on the same digits. */
  clean: number[];
  count: number;
}

/**
 * Untargeted adversarial digits crafted on `f`, rounded to 8 bits (what a PNG would hold).
 * `between` is awaited after each PGD step.
 */
async function craft(
  f: LogitsFn,
  x: tf.Tensor,
  y: tf.Tensor1D,
  attack: TransferAttack,
  between: () => Promise<void>,
): Promise<tf.Tensor> {
  const eps = attack.epsLevel / 255;
  const adv =
    attack.kind === "fgsm"
      ? fgsm(f, x, y, { eps })
      : await pgdAsync(f, x, y, { eps, steps: attack.steps }, { between });
  const out = quantize8bit(adv);
  adv.dispose();
  return out;
}

/** Number of rows of `x` that `f` misclassifies. */
async function countWrong(f: LogitsFn, x: tf.Tensor, y: tf.Tensor1D): Promise<number> {
  const n = tf.tidy(() => tf.sum(tf.cast(tf.notEqual(tf.argMax(f(x), 1), y), "int32")));
  const value = (await n.data())[0];
  n.dispose();
  return value;
}

/**
 * The transferability matrix: adversarial digits are crafted on every source model (white-box,
 * untargeted) and classified by every model. The diagonal is the white-box error; off the
 * diagonal, how often examples made for one model fool another that was never queried.
 * Rows are finished one source at a time (`onRow`), so a page can fill the matrix in.
 */
export async function transferMatrix(
  models: TransferModel[],
  set: DigitSet,
  attack: TransferAttack,
  options: {
    batchSize?: number;
    signal?: AbortSignal;
    /** After each crafted batch: (batches done, batches in all). */
    onProgress?: (done: number, total: number) => Promise<void> | void;
    /** When source `s`'s row is complete (the clean errors come with the first row). */
    onRow?: (s: number, row: number[], clean: number[]) => void;
    /**
     * Awaited after every model evaluation and PGD step, so that a worker can answer a waiting
     * slider between them (one pass over a batch, not a whole batch's attack and nine passes).
     */
    between?: () => Promise<void>;
  } = {},
): Promise<TransferResult> {
  const m = models.length;
  const between = options.between ?? (async () => undefined);
  const batchSize = options.batchSize ?? 250;
  const total = m * Math.ceil(set.count / batchSize);
  const error: number[][] = [];
  const cleanWrong = new Array<number>(m).fill(0);
  let done = 0;
  for (const [s, source] of models.entries()) {
    const wrong = new Array<number>(m).fill(0);
    await forEachBatch(set, batchSize, async ({ x, y }) => {
      throwIfAborted(options.signal);
      if (s === 0) {
        for (const [t, target] of models.entries()) {
          cleanWrong[t] += await countWrong(target.f, x, y);
          await between();
        }
      }
      const adv = await craft(source.f, x, y, attack, between);
      try {
        for (const [t, target] of models.entries()) {
          wrong[t] += await countWrong(target.f, adv, y);
          await between();
        }
      } finally {
        adv.dispose();
      }
      await options.onProgress?.(++done, total);
    });
    error.push(wrong.map((w) => w / set.count));
    options.onRow?.(
      s,
      error[s],
      cleanWrong.map((w) => w / set.count),
    );
  }
  return {
    ids: models.map((model) => model.id),
    error,
    clean: cleanWrong.map((w) => w / set.count),
    count: set.count,
  };
}

/** The most transferable pair off the diagonal: examples made on `source` fool `target` at `rate`. */
export function strongestTransfer(
  error: number[][],
): { source: number; target: number; rate: number } | null {
  let best: { source: number; target: number; rate: number } | null = null;
  for (const [s, row] of error.entries()) {
    for (const [t, rate] of row.entries()) {
      if (s !== t && (best === null || rate > best.rate)) best = { source: s, target: t, rate };
    }
  }
  return best;
}
