import type { LatentObjective } from "../../engine/vae/latentAttack";
import type { Projection } from "../../engine/vae/latentMap";
import type { LevelSums, PathPoint } from "../../engine/vae/measure";
import type { VaeKind } from "../../engine/vae/recipes";
import type { Method } from "../rpc/protocol";
import type { DigitChoice } from "./api";

/** Where chapter 7's attack heads: a class (its centroid code) or one test digit's code. */
export type LatentTarget = { class: number } | { test: number };

/** The latent map of one VAE: every test digit's mean code, drawn on a plane. */
export interface LatentMapView {
  kind: VaeKind;
  latent: number;
  /** [x0, y0, x1, y1, ...] for the test digits, in order. */
  points: Float32Array;
  labels: Uint8Array;
  projection: Projection;
  /** Each class's centroid on the plane [10 * 2]. */
  centroidPoints: Float32Array;
  /** The map shows the square [-extent, extent]^2 of the plane. */
  extent: number;
  /** Negative ELBO on the test digits and its terms (nats per digit). */
  test: { negElbo: number; reconstruction: number; kl: number };
}

/** One digit's attack as eps grows, with each code on the map's plane. */
export interface LatentPathView {
  sourceLabel: number | null;
  targetClass: number;
  /** The target code on the plane. */
  targetPoint: [number, number];
  points: (PathPoint & { attackPoint: [number, number]; noisePoint: [number, number] })[];
}

export interface LatentAttackArgs {
  kind: VaeKind;
  objective: LatentObjective;
  /** PGD iterations per eps. */
  steps: number;
  /** Eps as whole grey levels k (eps = k/255). */
  levels: readonly number[];
}

/** A live VAE training run, as it goes: after every minibatch, and the test loss per epoch. */
export type VaeTrainProgress =
  | { kind: "batch"; step: number; total: number; reconstruction: number; kl: number }
  | { kind: "epoch"; epoch: number; negElbo: number };

/** Chapter 7's jobs, served by the digits worker (which holds the digits and the CNN). */
export type VaeApi = {
  /** Loads `kind` from `url` (once) and maps the test digits. */
  vaeMap: Method<{ kind: VaeKind; url: string }, LatentMapView>;
  /** Test digit `index` and its reconstruction [784 each]. */
  vaeDigit: Method<
    { kind: VaeKind; index: number },
    { input: Float32Array; recon: Float32Array; label: number }
  >;
  /** The decoder's images of an n x n grid over the square the map shows. */
  vaeGrid: Method<{ kind: VaeKind; n: number }, Float32Array>;
  /** One digit attacked at each level, beside random sign noise of the same size. */
  vaePath: Method<LatentAttackArgs & { source: DigitChoice; target: LatentTarget }, LatentPathView>;
  /**
   * The table over test digits [0, count): each digit is pulled toward the class after its own
   * ((label + 1) mod 10); sums per level, reported after every chunk of digits.
   */
  /**
   * Retrains `kind` from its seeded start with KL weight `beta`, live, then maps the test digits
   * with it (cancelling the call stops it; the VAE in use stays).
   */
  vaeTrain: Method<
    {
      kind: VaeKind;
      beta: number;
      epochs: number;
      /** Trains on the first this many training digits (all 8,000 when absent). */
      trainDigits?: number;
    },
    LatentMapView,
    VaeTrainProgress
  >;
  /** Pauses or resumes the training run ("control" priority). */
  vaeControl: Method<{ paused: boolean }, null>;
  /** Puts the shipped weights of `kind` back. */
  vaeRestore: Method<{ kind: VaeKind; url: string }, LatentMapView>;
  /** The benchmark's unit: one forward+backward of the latent objective on `count` test digits, ms per run. */
  vaeTimings: Method<{ kind: VaeKind; count: number; runs: number }, { forwardBackward: number[] }>;
  vaeTable: Method<
    LatentAttackArgs & { count: number },
    LevelSums[],
    { done: number; total: number; sums: LevelSums[] }
  >;
};
