import * as tf from "@tensorflow/tfjs-core";
import { PCA } from "ml-pca";
import { forEachBatch } from "../digits/batches";
import type { DigitSet } from "../digits/mnistFormat";
import { decodeImages, type Vae } from "./vae";

/**
 * How codes are drawn on a plane: p = axes * (z - mean). A 2-D latent is drawn as it is; a
 * larger one through its first two principal components (of the test digits' means).
 */
export interface Projection {
  latent: number;
  mean: number[];
  /** Two unit vectors of length `latent`. */
  axes: [number[], number[]];
  /** Share of the codes' variance along each axis (null for a 2-D latent: all of it). */
  explained: [number, number] | null;
}

/** The encoder's mean of every digit of `set`, row by row: [count * latent]. */
export async function encodeMeans(vae: Vae, set: DigitSet): Promise<Float32Array> {
  const latent = vae.config.latent;
  const out = new Float32Array(set.count * latent);
  await forEachBatch(set, 500, async ({ x }, start) => {
    const mu = tf.tidy(() => vae.encode(x).mu);
    out.set((await mu.data()) as Float32Array, start * latent);
    mu.dispose();
  });
  return out;
}

const rows = (codes: Float32Array, latent: number) =>
  Array.from({ length: codes.length / latent }, (_, i) =>
    Array.from(codes.subarray(i * latent, (i + 1) * latent)),
  );

/** The plane the map shows for these codes (principal components by ml-pca when latent > 2). */
export function fitProjection(codes: Float32Array, latent: number): Projection {
  if (latent === 2)
    return {
      latent,
      mean: [0, 0],
      axes: [
        [1, 0],
        [0, 1],
      ],
      explained: null,
    };
  const data = rows(codes, latent);
  const pca = new PCA(data, { center: true });
  const vectors = pca.getEigenvectors();
  const explained = pca.getExplainedVariance();
  const mean = Array.from(
    { length: latent },
    (_, j) => data.reduce((s, r) => s + r[j], 0) / data.length,
  );
  return {
    latent,
    mean,
    axes: [vectors.getColumn(0), vectors.getColumn(1)],
    explained: [explained[0], explained[1]],
  };
}

/** Codes [count * latent] to points on the plane [count * 2]. */
export function project(p: Projection, codes: Float32Array): Float32Array {
  const n = codes.length / p.latent;
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < 2; a++) {
      let s = 0;
      for (let j = 0; j < p.latent; j++) s += p.axes[a][j] * (codes[i * p.latent + j] - p.mean[j]);
      out[i * 2 + a] = s;
    }
  }
  return out;
}

/** The code at a point of the plane: mean + u * axis 0 + v * axis 1 (back from the plane). */
export function unproject(p: Projection, u: number, v: number): number[] {
  return p.mean.map((m, j) => m + u * p.axes[0][j] + v * p.axes[1][j]);
}

/** The mean code of each class [10 * latent]: the attack's target when a class is chosen. */
export function classCentroids(
  codes: Float32Array,
  labels: Uint8Array,
  latent: number,
): Float32Array {
  const sums = new Float64Array(10 * latent);
  const counts = new Float64Array(10);
  for (let i = 0; i < labels.length; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < latent; j++) sums[labels[i] * latent + j] += codes[i * latent + j];
  }
  return Float32Array.from(sums, (s, k) => s / Math.max(1, counts[Math.floor(k / latent)]));
}

/**
 * The decoder's images of an n x n grid of the plane over [-extent, extent]^2 (row by row, top
 * row is +extent on the second axis): [n * n * 784] grey values in [0,1].
 */
export async function decodeGrid(
  vae: Vae,
  p: Projection,
  extent: number,
  n: number,
): Promise<Float32Array> {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer >= 2, got ${n}.`);
  const codes: number[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const u = -extent + (2 * extent * c) / (n - 1);
      const v = extent - (2 * extent * r) / (n - 1);
      codes.push(...unproject(p, u, v));
    }
  }
  const images = tf.tidy(() => decodeImages(vae, tf.tensor2d(codes, [n * n, p.latent])));
  const out = (await images.data()) as Float32Array;
  images.dispose();
  return out;
}

/** Half the side of the square the map shows: three root-mean-square coordinates (about 3 sigma). */
export function mapExtent(points: Float32Array): number {
  const meanSquare = points.reduce((sum, v) => sum + v * v, 0) / points.length;
  return 3 * Math.sqrt(meanSquare);
}
