import * as tf from "@tensorflow/tfjs-core";
import type { LabelledSentence } from "./corpus";
import { encode, tokenize, type Vocabulary } from "./tokens";

/** Sentences as token ids, with their labels. */
export interface EncodedSet {
  ids: Int32Array[];
  labels: Int32Array;
}

export const encodeSet = (
  sentences: readonly LabelledSentence[],
  vocab: Vocabulary,
): EncodedSet => ({
  ids: sentences.map((s) => encode(tokenize(s.text), vocab)),
  labels: Int32Array.from(sentences, (s) => s.label),
});

/** Sentences padded to the longest: ids [B, T] (0 pads). Caller disposes. */
export function padIds(rows: readonly Int32Array[]): tf.Tensor2D {
  const t = Math.max(1, ...rows.map((r) => r.length));
  const flat = new Int32Array(rows.length * t);
  for (const [b, r] of rows.entries()) flat.set(r, b * t);
  return tf.tensor2d(flat, [rows.length, t], "int32");
}

/** The sentences at `indices` as a batch. Caller disposes. */
export function textBatch(
  set: EncodedSet,
  indices: ArrayLike<number>,
): { ids: tf.Tensor2D; y: tf.Tensor1D } {
  const pick = Array.from(indices);
  return {
    ids: padIds(pick.map((i) => set.ids[i])),
    y: tf.tensor1d(
      pick.map((i) => set.labels[i]),
      "int32",
    ),
  };
}
