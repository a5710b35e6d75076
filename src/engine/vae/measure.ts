import * as tf from "@tensorflow/tfjs-core";
import { pgd } from "../attacks/pgd";
import { countHits } from "../digits/evaluate";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import {
  codeDistance,
  type LatentObjective,
  latentAttack,
  randomSignNoise,
  targetFor,
} from "./latentAttack";
import { reconstruct, type Vae } from "./vae";

/** Settings shared by the path of one digit and the table over many. */
export interface LatentAttackSettings {
  objective: LatentObjective;
  /** PGD iterations per eps level (the latent attack's and the CNN's). */
  steps: number;
  /** Seeds the random sign noise. */
  seed: number;
}

/** Sums over a batch at one eps (the table's cells are these summed over chunks, then divided). */
export interface LevelSums {
  count: number;
  /** Sum over digits of (distance to target before) - (after), attack and noise. */
  attackMoved: number;
  noiseMoved: number;
  /** Digits whose reconstruction chapter 2's CNN reads as the target class, attack and noise. */
  attackReconHits: number;
  noiseReconHits: number;
  /** Digits that targeted PGD on the CNN itself, same eps and steps, turns into the target. */
  cnnHits: number;
}

/**
 * The CNN attacked directly: targeted PGD toward `targets`, the same eps and steps, rounded to
 * 8 bits as the latent attack and the noise are (eps on the grid keeps it in the ball).
 */
export function cnnBaseline(
  cnn: LogitsFn,
  x: tf.Tensor,
  targets: tf.Tensor1D,
  eps: number,
  steps: number,
): tf.Tensor {
  return tf.tidy(() => quantize8bit(pgd(cnn, x, targets, { eps, steps, targeted: true })));
}

/**
 * One eps on a batch x [N, 28, 28, 1] with target classes [N]: the latent attack toward each
 * target's centroid code vs random sign noise of the same size, and the CNN attacked directly.
 * `centroids` is [10, latent].
 */
export async function measureLevel(
  vae: Vae,
  cnn: LogitsFn,
  x: tf.Tensor4D,
  targets: tf.Tensor1D,
  centroids: tf.Tensor2D,
  eps: number,
  settings: LatentAttackSettings,
): Promise<LevelSums> {
  const sums = tf.tidy(() => {
    const codes = tf.gather(centroids, targets) as tf.Tensor2D;
    const goal = targetFor(vae, codes, settings.objective);
    const attacked = latentAttack(vae, x, goal, {
      eps,
      steps: settings.steps,
      objective: settings.objective,
    });
    const noisy = randomSignNoise(x, eps, settings.seed);
    const before = codeDistance(vae, x, codes);
    const moved = (x2: tf.Tensor) => tf.sum(tf.sub(before, codeDistance(vae, x2, codes)));
    const reconHits = (x2: tf.Tensor) => countHits(cnn(reconstruct(vae, x2)), targets);
    const cnnAdv = cnnBaseline(cnn, x, targets, eps, settings.steps);
    return tf.stack([
      moved(attacked),
      moved(noisy),
      tf.cast(reconHits(attacked), "float32"),
      tf.cast(reconHits(noisy), "float32"),
      tf.cast(countHits(cnn(cnnAdv), targets), "float32"),
    ]);
  });
  const [attackMoved, noiseMoved, attackReconHits, noiseReconHits, cnnHits] = await sums.data();
  sums.dispose();
  return { count: x.shape[0], attackMoved, noiseMoved, attackReconHits, noiseReconHits, cnnHits };
}

/** What one digit looks like at one eps, attacked and noised (plain arrays for the page). */
export interface PathPoint {
  eps: number;
  /** The input [784] in [0,1] (8-bit), its reconstruction, its code (encoder mean). */
  attack: { input: Float32Array; recon: Float32Array; code: Float32Array; cnnLabel: number };
  noise: { input: Float32Array; recon: Float32Array; code: Float32Array; cnnLabel: number };
}

/** One digit x [1, 28, 28, 1] at each eps in `levels`, toward `targetCode` [1, latent]. */
export async function attackPath(
  vae: Vae,
  cnn: LogitsFn,
  x: tf.Tensor4D,
  targetCode: tf.Tensor2D,
  epsilons: readonly number[],
  settings: LatentAttackSettings,
  between: () => Promise<void> = async () => undefined,
): Promise<PathPoint[]> {
  const goal = targetFor(vae, targetCode, settings.objective);
  try {
    const path: PathPoint[] = [];
    for (const eps of epsilons) {
      const view = async (make: () => tf.Tensor) => {
        const [input, recon, code, label] = tf.tidy(() => {
          const x2 = make();
          const r = reconstruct(vae, x2);
          return [x2, r, vae.encode(x2).mu, tf.argMax(cnn(r), 1)];
        });
        const out = {
          input: (await input.data()) as Float32Array,
          recon: (await recon.data()) as Float32Array,
          code: (await code.data()) as Float32Array,
          cnnLabel: (await label.data())[0],
        };
        tf.dispose([input, recon, code, label]);
        return out;
      };
      const attack = await view(() =>
        latentAttack(vae, x, goal, { eps, steps: settings.steps, objective: settings.objective }),
      );
      const noise = await view(() => randomSignNoise(x, eps, settings.seed));
      path.push({ eps, attack, noise });
      await between();
    }
    return path;
  } finally {
    goal.dispose();
  }
}
