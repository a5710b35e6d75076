import * as tf from "@tensorflow/tfjs-core";
import { padIds } from "./sentimentData";
import { lookUp, type SentimentModel, sentimentLogits, tokenMask } from "./sentimentModel";
import type { SwapTable } from "./swapTable";

/**
 * A HotFlip-style word-swap attack (Ebrahimi et al. 2018), by beam search. The loss L is the
 * cross-entropy against the model's own answer; replacing word i (embedding x_i) by word w
 * changes it, to first order, by (e_w - x_i) . dL/dx_i. Each step ranks every allowed swap by
 * that estimate from one backward pass, checks the best `perState` of each beam sentence with
 * real forward passes, and keeps the `beamWidth` sentences whose loss really rose most.
 */
export interface WordSwapOptions {
  /** At most this many words change (k). */
  maxSwaps: number;
  beamWidth: number;
  /** Swaps per beam sentence checked with a forward pass, best first by the estimate. */
  perState: number;
}

export const WORD_SWAP_SEARCH = { beamWidth: 4, perState: 8 } as const;

export interface Swap {
  position: number;
  from: number;
  to: number;
  /** The first-order estimate of the loss change, and the change measured by a forward pass. */
  estimated: number;
  actual: number;
}

export interface WordSwapResult {
  /** The model's answer on the original ids, and its probabilities. */
  label: number;
  before: number[];
  /** The attacked ids (the original if no swap raised the loss) and their probabilities. */
  ids: Int32Array;
  after: number[];
  swaps: Swap[];
  flipped: boolean;
  /** Sentences run forward, and gradients taken (one backward pass each). */
  forwardPasses: number;
  backwardPasses: number;
}

interface Candidate {
  ids: Int32Array;
  swaps: Swap[];
  loss: number;
  probs: number[];
}

/** Probabilities and the loss against `label` of same-length sentences, by forward passes. */
async function evaluate(m: SentimentModel, rows: Int32Array[], label: number) {
  const ids = padIds(rows);
  const logProbs = tf.tidy(() => tf.logSoftmax(sentimentLogits(m, lookUp(m, ids), tokenMask(ids))));
  const values = await logProbs.data();
  tf.dispose([ids, logProbs]);
  return rows.map((_, r) => {
    const row = Array.from(values.subarray(r * 2, r * 2 + 2));
    return { loss: -row[label], probs: row.map(Math.exp) };
  });
}

/** The embeddings x [S, T, dim] of same-length sentences and dL/dx, read back. */
async function gradients(m: SentimentModel, rows: Int32Array[], label: number) {
  const ids = padIds(rows);
  const [x, g] = tf.tidy(() => {
    const embedded = lookUp(m, ids);
    const mask = tokenMask(ids);
    const y = tf.fill([rows.length], label, "int32") as tf.Tensor1D;
    const loss = (e: tf.Tensor) =>
      tf.neg(
        tf.sum(tf.mul(tf.oneHot(y, 2), tf.logSoftmax(sentimentLogits(m, e as tf.Tensor3D, mask)))),
      );
    return [embedded, tf.grad(loss)(embedded)];
  });
  const data = await Promise.all([x.data(), g.data()]);
  tf.dispose([ids, x, g]);
  return { x: data[0] as Float32Array, g: data[1] as Float32Array };
}

/** Every allowed single swap of sentence s (of a batch read by `gradients`), with its estimate. */
function estimates(
  ids: Int32Array,
  s: number,
  grads: { x: Float32Array; g: Float32Array },
  table: SwapTable,
  embedding: Float32Array,
  dim: number,
  taken: ReadonlySet<number>,
) {
  const out: { position: number; to: number; estimated: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (taken.has(i)) continue;
    const at = (s * ids.length + i) * dim;
    let xg = 0;
    for (let k = 0; k < dim; k++) xg += grads.x[at + k] * grads.g[at + k];
    for (const to of table[ids[i]]) {
      let eg = 0;
      for (let k = 0; k < dim; k++) eg += embedding[to * dim + k] * grads.g[at + k];
      out.push({ position: i, to, estimated: eg - xg });
    }
  }
  return out;
}

export async function wordSwapAttack(
  m: SentimentModel,
  table: SwapTable,
  original: Int32Array,
  options: WordSwapOptions,
): Promise<WordSwapResult> {
  if (!Number.isInteger(options.maxSwaps) || options.maxSwaps < 0) {
    throw new RangeError(`maxSwaps must be a whole number >= 0, got ${options.maxSwaps}.`);
  }
  const embedding = (await m.embedding.data()) as Float32Array;
  const dim = m.embedding.shape[1];
  const [first] = await evaluate(m, [original], 0);
  const label = first.probs[1] > first.probs[0] ? 1 : 0;
  const root: Candidate = {
    ids: original,
    swaps: [],
    loss: -Math.log(first.probs[label]),
    probs: first.probs,
  };
  const counts = { forwardPasses: 1, backwardPasses: 0 };
  let beam = [root];
  let best = root;
  for (let depth = 0; depth < options.maxSwaps && original.length > 0; depth++) {
    const grads = await gradients(
      m,
      beam.map((c) => c.ids),
      label,
    );
    counts.backwardPasses += beam.length;
    const children = new Map<string, Omit<Candidate, "loss" | "probs"> & { parent: Candidate }>();
    for (const [s, parent] of beam.entries()) {
      const taken = new Set(parent.swaps.map((w) => w.position));
      const ranked = estimates(parent.ids, s, grads, table, embedding, dim, taken)
        .sort((a, b) => b.estimated - a.estimated)
        .slice(0, options.perState);
      for (const e of ranked) {
        const ids = parent.ids.slice();
        ids[e.position] = e.to;
        const swap = {
          position: e.position,
          from: parent.ids[e.position],
          to: e.to,
          estimated: e.estimated,
          actual: 0,
        };
        children.set(ids.join(","), { ids, swaps: [...parent.swaps, swap], parent });
      }
    }
    if (children.size === 0) break;
    const list = [...children.values()];
    const scored = await evaluate(
      m,
      list.map((c) => c.ids),
      label,
    );
    counts.forwardPasses += list.length;
    const next: Candidate[] = list.map((c, j) => {
      const last = c.swaps.length - 1;
      const swaps = c.swaps.map((w, k) =>
        k === last ? { ...w, actual: scored[j].loss - c.parent.loss } : w,
      );
      return { ids: c.ids, swaps, ...scored[j] };
    });
    next.sort((a, b) => b.loss - a.loss);
    beam = next.slice(0, options.beamWidth);
    if (beam[0].loss > best.loss) best = beam[0];
    const flipped = next.find((c) => c.probs[label] < 0.5);
    if (flipped) {
      best = flipped;
      break;
    }
  }
  return {
    label,
    before: root.probs,
    ids: best.ids,
    after: best.probs,
    swaps: best.swaps,
    flipped: best.probs[label] < 0.5,
    ...counts,
  };
}

/**
 * How well the first-order estimate ranks single swaps: every allowed swap of `ids` is also run
 * forward, and the result is where the really best swap stands in the estimate's order (0: first).
 * Null when no word of the sentence may be swapped.
 */
export async function bestSwapRank(
  m: SentimentModel,
  table: SwapTable,
  ids: Int32Array,
): Promise<number | null> {
  const embedding = (await m.embedding.data()) as Float32Array;
  const [first] = await evaluate(m, [ids], 0);
  const label = first.probs[1] > first.probs[0] ? 1 : 0;
  const grads = await gradients(m, [ids], label);
  const all = estimates(ids, 0, grads, table, embedding, m.embedding.shape[1], new Set());
  if (all.length === 0) return null;
  const actual: number[] = [];
  for (let start = 0; start < all.length; start += 256) {
    const rows = all.slice(start, start + 256).map((e) => {
      const row = ids.slice();
      row[e.position] = e.to;
      return row;
    });
    for (const r of await evaluate(m, rows, label)) actual.push(r.loss);
  }
  const best = actual.indexOf(Math.max(...actual));
  return all.filter((e) => e.estimated > all[best].estimated).length;
}
