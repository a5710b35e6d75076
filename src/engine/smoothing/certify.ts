import * as tf from "@tensorflow/tfjs-core";
import { streamSeed } from "../random";
import type { LogitsFn } from "../types";
import { certifiedRadius, clopperPearsonLower } from "./bounds";

/** How a smoothed prediction is sampled and certified (Cohen et al.'s CERTIFY). */
export interface CertifySettings {
  /** Standard deviation of the Gaussian noise, in [0,1] pixel units. */
  sigma: number;
  /** Samples that pick the top class. */
  n0: number;
  /** Samples that estimate its probability (fresh noise). */
  n: number;
  /** The certificate fails with probability at most alpha. */
  alpha: number;
  /** Noisy copies per forward pass. */
  batchSize?: number;
  /** A positive integer (tfjs takes a seed of 0 for no seed at all). */
  seed: number;
}

export interface Certificate {
  /** The smoothed classifier's class, or null: abstain (pA <= 1/2). */
  prediction: number | null;
  /** The class the selection samples voted for most. */
  top: number;
  /** Lower confidence bound on P(f(x + noise) = top), level 1 - alpha. */
  pA: number;
  /** Certified L2 radius (null when abstaining). */
  radius: number | null;
  /** Votes per class of the selection and the estimation samples. */
  selection: number[];
  estimation: number[];
}

/**
 * Votes of `f` over `count` copies of one input x [1, ...] with Gaussian noise of std `sigma`
 * (not clipped to [0,1]: the base classifier was trained on such inputs), `batchSize` per pass.
 * `between` is awaited after each pass with the samples drawn so far (a worker's checkpoint).
 * Each pass draws its noise from its own stream of `seed` (see `streamSeed`).
 */
export async function noisyVotes(
  f: LogitsFn,
  x: tf.Tensor,
  sigma: number,
  count: number,
  options: { batchSize?: number; seed: number; between?: (drawn: number) => Promise<void> },
): Promise<number[]> {
  const batchSize = options.batchSize ?? 250;
  let votes: number[] = [];
  for (let start = 0, b = 0; start < count; start += batchSize, b++) {
    const size = Math.min(batchSize, count - start);
    const counts = tf.tidy(() => {
      const copies = tf.tile(x, [size, ...x.shape.slice(1).map(() => 1)]);
      const noisy = tf.add(
        copies,
        tf.randomNormal(copies.shape, 0, sigma, "float32", streamSeed(options.seed, b)),
      );
      const logits = f(noisy);
      return tf.sum(tf.oneHot(tf.argMax(logits, 1), logits.shape[1]), 0);
    });
    const add = Array.from(await counts.data());
    counts.dispose();
    votes = votes.length ? votes.map((v, k) => v + add[k]) : add;
    await options.between?.(start + size);
  }
  return votes;
}

const argmax = (xs: number[]) => xs.reduce((best, v, i) => (v > xs[best] ? i : best), 0);

function assertSettings(s: CertifySettings): void {
  for (const [name, v] of [
    ["n0", s.n0],
    ["n", s.n],
  ] as const)
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`${name} must be a positive integer, got ${v}.`);
  if (!(s.sigma > 0)) throw new RangeError(`sigma must be > 0, got ${s.sigma}.`);
  if (!(s.alpha > 0 && s.alpha < 1))
    throw new RangeError(`alpha must be in (0, 1), got ${s.alpha}.`);
  if (!Number.isInteger(s.seed) || s.seed < 1)
    throw new RangeError(`seed must be a positive integer, got ${s.seed}.`);
}

/**
 * CERTIFY (Cohen, Rosenfeld & Kolter 2019): n0 noisy samples choose the top class; n fresh ones
 * bound its probability from below (Clopper-Pearson, level 1 - alpha); the smoothed classifier
 * g(x) = argmax_c P(f(x + e) = c) then provably returns that class for every x' with
 * ||x' - x||_2 < sigma * Phi^-1(pA), except with probability alpha. `between` is awaited after
 * each forward pass with the samples drawn so far, of n0 + n.
 */
export async function certify(
  f: LogitsFn,
  x: tf.Tensor,
  settings: CertifySettings,
  between?: (drawn: number) => Promise<void>,
): Promise<Certificate> {
  assertSettings(settings);
  const { sigma, n0, n, alpha, batchSize, seed } = settings;
  // Selection and estimation draw from separate streams of the seed: the n samples are fresh.
  const selection = await noisyVotes(f, x, sigma, n0, {
    batchSize,
    seed: streamSeed(seed, 0),
    between,
  });
  const top = argmax(selection);
  const estimation = await noisyVotes(f, x, sigma, n, {
    batchSize,
    seed: streamSeed(seed, 1),
    between: between && ((drawn) => between(n0 + drawn)),
  });
  const pA = clopperPearsonLower(estimation[top], n, alpha);
  const radius = certifiedRadius(pA, sigma);
  return { prediction: radius === null ? null : top, top, pA, radius, selection, estimation };
}
