import * as tf from "@tensorflow/tfjs-core";
import { abortError } from "../abort";
import {
  type IterationControl,
  iterate,
  runIterations,
  runIterationsAsync,
} from "../attacks/iterate";
import { assertEpsilon, assertStepSize, assertSteps } from "../attacks/params";
import { projectLinf } from "../attacks/project";
import { quantize8bit } from "../pixels";
import { PIXELS, type Vae } from "./vae";

/**
 * What the attacker pulls toward the target, by squared distance: "latent" the encoder's mean
 * (Kos, Fischer & Song 2017's latent attack; Tabacof et al. 2016 measured the latent distance by
 * KL divergence instead), "output" the reconstruction (Kos et al.'s L_VAE).
 */
export type LatentObjective = "latent" | "output";

export interface LatentAttackOptions {
  /** L-inf budget in [0,1] units. */
  eps: number;
  /** Iterations, an integer >= 1. */
  steps: number;
  /** Step size alpha; default 2.5 * eps / steps (Madry et al.'s rule). */
  stepSize?: number;
  objective: LatentObjective;
}

/**
 * The objective's target: a code [N, latent] for "latent", an image [N, 784] in [0,1] for
 * "output" (the target's reconstruction). `targetFor` makes it from a target code.
 */
export function targetFor(vae: Vae, code: tf.Tensor2D, objective: LatentObjective): tf.Tensor2D {
  return objective === "latent" ? code.clone() : tf.tidy(() => tf.sigmoid(vae.decode(code)));
}

/** Per digit squared distance of what the objective looks at (mu, or the reconstruction) to target. */
function objectiveDistance(
  vae: Vae,
  x: tf.Tensor,
  target: tf.Tensor2D,
  objective: LatentObjective,
) {
  return tf.tidy(() => {
    const { mu } = vae.encode(x);
    const seen = objective === "latent" ? mu : tf.sigmoid(vae.decode(mu));
    return tf.sum(tf.square(tf.sub(seen, target)), 1);
  });
}

/** The gradient, with respect to the input, of the summed distance the attack descends. */
export function objectiveGradient(
  vae: Vae,
  target: tf.Tensor2D,
  objective: LatentObjective,
): (x: tf.Tensor) => tf.Tensor {
  return tf.grad((x: tf.Tensor) => tf.sum(objectiveDistance(vae, x, target, objective)));
}

function validate(vae: Vae, target: tf.Tensor2D, opts: LatentAttackOptions): number {
  assertEpsilon(opts.eps);
  assertSteps(opts.steps);
  if (opts.objective !== "latent" && opts.objective !== "output")
    throw new RangeError(`objective must be "latent" or "output", got ${String(opts.objective)}.`);
  const width = opts.objective === "latent" ? vae.config.latent : PIXELS;
  if (target.shape[1] !== width)
    throw new RangeError(
      `The ${opts.objective} target must have ${width} columns, got ${target.shape[1]}.`,
    );
  const stepSize = opts.stepSize ?? (2.5 * opts.eps) / opts.steps;
  if (opts.eps > 0) assertStepSize(stepSize);
  return stepSize;
}

/**
 * The iterations: x' <- project(x' - alpha * sign(grad of the distance)), a signed-gradient
 * descent kept in the eps-ball around x and in [0,1] (PGD without random start).
 */
function iterations(
  vae: Vae,
  x: tf.Tensor,
  target: tf.Tensor2D,
  opts: LatentAttackOptions,
  stepSize: number,
) {
  const grad = objectiveGradient(vae, target, opts.objective);
  return iterate(x.clone(), opts.steps, (xAdv) =>
    tf.tidy(() => projectLinf(tf.sub(xAdv, tf.mul(tf.sign(grad(xAdv)), stepSize)), x, opts.eps)),
  );
}

/** The final iterate rounded to 8 bits: x and x +- eps lie on the grid, so it stays in the ball. */
function finish(xAdv: tf.Tensor): tf.Tensor {
  const out = quantize8bit(xAdv);
  xAdv.dispose();
  return out;
}

/**
 * Moves x (digits [N, 28, 28, 1] in [0,1], on the 8-bit grid) within ||x' - x||_inf <= eps so
 * that the VAE's encoding of x' approaches `target` (see `targetFor`). Returns x' (8-bit, same
 * shape); eps = 0 returns x's values. Synchronous: a worker prefers `latentAttackAsync`.
 */
export function latentAttack(
  vae: Vae,
  x: tf.Tensor,
  target: tf.Tensor2D,
  opts: LatentAttackOptions,
): tf.Tensor {
  const stepSize = validate(vae, target, opts);
  if (opts.eps === 0) return x.clone();
  return finish(runIterations(iterations(vae, x, target, opts, stepSize)));
}

/** `latentAttack` with checkpoints, progress and cancelling between iterations. */
export async function latentAttackAsync(
  vae: Vae,
  x: tf.Tensor,
  target: tf.Tensor2D,
  opts: LatentAttackOptions,
  control: IterationControl = {},
): Promise<tf.Tensor> {
  const stepSize = validate(vae, target, opts);
  if (control.signal?.aborted) throw abortError("The latent attack was aborted.");
  if (opts.eps === 0) return x.clone();
  const steps = iterations(vae, x, target, opts, stepSize);
  return finish(await runIterationsAsync(steps, opts.steps, control, "The latent attack"));
}

/**
 * The control: x + eps * (random signs), in [0,1] and 8-bit, seeded. The same L-inf size as
 * the attack, without its direction.
 */
export function randomSignNoise(x: tf.Tensor, eps: number, seed: number): tf.Tensor {
  assertEpsilon(eps);
  return tf.tidy(() => {
    const signs = tf.sign(tf.randomUniform(x.shape, -1, 1, "float32", seed));
    return quantize8bit(projectLinf(tf.add(x, tf.mul(signs, eps)), x, eps));
  });
}

/** Per digit Euclidean distance between the encoder's mean of x and `code` [N, latent]. */
export function codeDistance(vae: Vae, x: tf.Tensor, code: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sqrt(objectiveDistance(vae, x, code, "latent")) as tf.Tensor1D);
}
