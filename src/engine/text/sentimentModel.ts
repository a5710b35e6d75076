import * as tf from "@tensorflow/tfjs-core";

/**
 * A small sentiment classifier: word embeddings, a window of three words through one tanh
 * layer at every position, the mean over the sentence, two logits (negative, positive). The
 * window gives each word's gradient its own context; the mean keeps the model smooth enough
 * for first-order (HotFlip) estimates to be useful.
 */
export interface SentimentModel {
  /** [V, dim]: row v is word v's embedding. */
  embedding: tf.Variable<tf.Rank.R2>;
  /** [3 dim, hidden], [hidden]. */
  w1: tf.Variable<tf.Rank.R2>;
  b1: tf.Variable<tf.Rank.R1>;
  /** [hidden, 2], [2]. */
  w2: tf.Variable<tf.Rank.R2>;
  b2: tf.Variable<tf.Rank.R1>;
}

export interface SentimentShape {
  vocabSize: number;
  dim: number;
  hidden: number;
}

export const DEFAULT_SHAPE = { dim: 16, hidden: 32 } as const;

/** A fresh model; the same seed gives the same weights (tfjs's seeded uniform draws). */
export function createSentimentModel(shape: SentimentShape, seed: number): SentimentModel {
  const { vocabSize, dim, hidden } = shape;
  // Glorot-uniform limits; tfjs treats seed 0 as "unseeded", so every seed here is > 0.
  const uniform = (s: number[], fanIn: number, fanOut: number, k: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return tf.randomUniform(s, -limit, limit, "float32", seed * 10 + k);
  };
  return tf.tidy(() => ({
    embedding: tf.variable(
      uniform([vocabSize, dim], vocabSize, dim, 1),
      true,
      undefined,
    ) as tf.Variable<tf.Rank.R2>,
    w1: tf.variable(uniform([3 * dim, hidden], 3 * dim, hidden, 2)) as tf.Variable<tf.Rank.R2>,
    b1: tf.variable(tf.zeros([hidden])) as tf.Variable<tf.Rank.R1>,
    w2: tf.variable(uniform([hidden, 2], hidden, 2, 3)) as tf.Variable<tf.Rank.R2>,
    b2: tf.variable(tf.zeros([2])) as tf.Variable<tf.Rank.R1>,
  }));
}

export const modelVariables = (m: SentimentModel): tf.Variable[] => [
  m.embedding,
  m.w1,
  m.b1,
  m.w2,
  m.b2,
];

export function disposeSentimentModel(m: SentimentModel): void {
  tf.dispose(modelVariables(m));
}

/** Embeddings of token ids [B, T] by lookup (no gradient to the table: for attacks). */
export const lookUp = (m: SentimentModel, ids: tf.Tensor2D): tf.Tensor3D =>
  tf.gather(m.embedding, ids) as tf.Tensor as tf.Tensor3D;

/**
 * Embeddings of ids [B, T] as one-hot rows times the table, differentiable in the table on
 * every backend: gather's gradient needs UnsortedSegmentSum, which wasm lacks and cpu runs
 * one segment at a time (minutes per epoch for a vocabulary of 2,000).
 */
export function lookUpForTraining(m: SentimentModel, ids: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t] = ids.shape;
    const [v, d] = m.embedding.shape;
    const oneHot = tf.oneHot(tf.reshape(ids, [b * t]), v);
    return tf.reshape(tf.matMul(oneHot, m.embedding), [b, t, d]);
  });
}

/** 1 where ids [B, T] hold a token, 0 on padding. */
export const tokenMask = (ids: tf.Tensor2D): tf.Tensor2D =>
  tf.tidy(() => tf.cast(tf.notEqual(ids, 0), "float32") as tf.Tensor2D);

/** Logits [B, 2] from embedded sentences x [B, T, dim] and their mask [B, T]. */
export function sentimentLogits(m: SentimentModel, x: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [b, t, d] = x.shape;
    const mask3 = tf.expandDims(mask, 2);
    const padded = tf.pad(tf.mul(x, mask3), [
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
    // Each position sees itself and its two neighbours: [B, T, 3 dim].
    const windows = tf.concat(
      [0, 1, 2].map((k) => tf.slice(padded, [0, k, 0], [b, t, d])),
      2,
    );
    const hidden = tf.tanh(tf.add(tf.matMul(tf.reshape(windows, [b * t, 3 * d]), m.w1), m.b1));
    const h = m.w1.shape[1];
    const summed = tf.sum(tf.mul(tf.reshape(hidden, [b, t, h]), mask3), 1);
    const pooled = tf.div(summed, tf.maximum(tf.sum(mask, 1, true), 1));
    return tf.add(tf.matMul(pooled, m.w2), m.b2) as tf.Tensor2D;
  });
}
