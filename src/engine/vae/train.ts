import * as tf from "@tensorflow/tfjs-core";
import { throwIfAborted } from "../abort";
import { epochBatches, forEachBatch, makeBatch } from "../digits/batches";
import type { DigitSet } from "../digits/mnistFormat";
import { betaLoss, elboTerms } from "./loss";
import type { Vae } from "./vae";

/** How a VAE is trained. Same values, same seed: the same weights on cpu. */
export interface VaeTrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Weight of the KL term (1: the ELBO; below 1 sharper digits, a rougher latent space). */
  beta: number;
  /** Seeds the batch order and the reparameterisation noise. */
  seed: number;
}

/** One minibatch done: its loss terms (nats per digit). */
export interface VaeStep {
  epoch: number;
  /** Batches done in this epoch, 1-based. */
  batch: number;
  batchesPerEpoch: number;
  reconstruction: number;
  kl: number;
}

export interface VaeTrainHooks {
  /** After each batch; awaited (a worker checkpoints or pauses here). */
  onBatch?: (step: VaeStep) => Promise<void> | void;
  onEpoch?: (epoch: number) => Promise<void> | void;
  /** Aborting stops after the current batch with an "AbortError". */
  signal?: AbortSignal;
}

export function assertVaeOptions(o: VaeTrainOptions): void {
  const positive = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${name} must be > 0, got ${v}.`);
  };
  positive("learningRate", o.learningRate);
  if (!(Number.isFinite(o.beta) && o.beta >= 0))
    throw new RangeError(`beta must be >= 0, got ${o.beta}.`);
  if (!Number.isInteger(o.epochs) || o.epochs < 1)
    throw new RangeError(`epochs must be a positive integer, got ${o.epochs}.`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${o.batchSize}.`);
  // tfjs takes a seed of 0 for no seed at all: the first minibatch's noise would not repeat.
  if (!Number.isInteger(o.seed) || o.seed < 1)
    throw new RangeError(`seed must be a positive integer, got ${o.seed}.`);
}

/** Adam on reconstruction + beta * KL over seeded epochs of `train`; the optimizer is freed. */
export async function trainVae(
  vae: Vae,
  train: DigitSet,
  options: VaeTrainOptions,
  hooks: VaeTrainHooks = {},
): Promise<void> {
  assertVaeOptions(options);
  const optimizer = tf.train.adam(options.learningRate);
  let step = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const batches = epochBatches(train.count, options.batchSize, options.seed, epoch);
      for (const [b, indices] of batches.entries()) {
        throwIfAborted(hooks.signal, "Training aborted");
        const { x, y } = makeBatch(train, indices);
        const seed = options.seed * 1_000_003 + step++;
        let terms: tf.Tensor1D;
        try {
          terms = tf.tidy(() => {
            let parts = tf.zeros([2]) as tf.Tensor1D;
            optimizer.minimize(
              () => {
                const t = elboTerms(vae, x, seed);
                parts = tf.keep(tf.stack([t.reconstruction, t.kl]) as tf.Tensor1D);
                return betaLoss(t, options.beta);
              },
              false,
              vae.weights,
            );
            return parts;
          });
        } finally {
          tf.dispose([x, y]);
        }
        const [reconstruction, kl] = await terms.data();
        terms.dispose();
        await hooks.onBatch?.({
          epoch,
          batch: b + 1,
          batchesPerEpoch: batches.length,
          reconstruction,
          kl,
        });
      }
      await hooks.onEpoch?.(epoch);
    }
  } finally {
    optimizer.dispose();
  }
}

/** The negative ELBO on `set` (nats per digit, one z sample per digit, seeded), and its terms. */
export async function testElbo(
  vae: Vae,
  set: DigitSet,
  seed = 7,
): Promise<{ negElbo: number; reconstruction: number; kl: number }> {
  let reconstruction = 0;
  let kl = 0;
  await forEachBatch(set, 250, async ({ x }, start) => {
    const sums = tf.tidy(() => {
      const t = elboTerms(vae, x, seed + start);
      return tf.mul(tf.stack([t.reconstruction, t.kl]), x.shape[0]);
    });
    const [r, k] = await sums.data();
    sums.dispose();
    reconstruction += r;
    kl += k;
  });
  return {
    negElbo: (reconstruction + kl) / set.count,
    reconstruction: reconstruction / set.count,
    kl: kl / set.count,
  };
}
