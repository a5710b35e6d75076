import * as tf from "@tensorflow/tfjs-core";
import { abortError } from "../abort";
import type { LogitsFn } from "../types";
import { fgsmFromGradient } from "./fgsm";
import { inputGradient } from "./gradient";
import {
  type Iterate,
  type IterationControl,
  iterate,
  runIterations,
  runIterationsAsync,
} from "./iterate";
import type { Labels } from "./loss";
import { assertEpsilon, assertStepSize, assertSteps } from "./params";
import { projectLinf } from "./project";

/** Parameters of one PGD iteration. */
export interface PgdStepParams {
  /** L-inf budget in [0,1] units. */
  eps: number;
  /** Size of each signed-gradient step (alpha), > 0. */
  stepSize: number;
  /** Descend the loss of target `labels` instead of ascending the true-label loss. */
  targeted?: boolean;
}

/** Options of the iterative L-inf attack (BIM without random start, PGD with it). */
export interface PgdOptions {
  /** L-inf budget in [0,1] units. */
  eps: number;
  /** Number of iterations, an integer >= 1. */
  steps: number;
  /** Step size alpha; defaults to `defaultStepSize(eps, steps)`. */
  stepSize?: number;
  /** Start from a uniform random point of the eps-ball (Madry et al.) instead of x. */
  randomStart?: boolean;
  /** `labels` are target classes; each step descends their loss. */
  targeted?: boolean;
  /** Seed for the random start (unseeded if omitted). */
  seed?: number;
}

/** Cancellation and progress hooks for `pgdAsync`. */
export type PgdAsyncControl = IterationControl;

/**
 * Default step size: max(eps/4, 2.5*eps/steps). 2.5*eps/steps is Madry et al.'s rule
 * (the iterates can travel 2.5x the ball's radius, so they reach and slide along its
 * boundary); the eps/4 floor keeps long runs from taking uselessly tiny steps.
 */
export function defaultStepSize(eps: number, steps: number): number {
  return Math.max(eps / 4, (2.5 * eps) / steps);
}

/**
 * One PGD iteration: an FGSM step of size `stepSize` from `xAdv` (gradient taken at xAdv),
 * then projection onto the eps-ball around the clean `x` intersected with [0,1].
 * Returns a new tensor; `xAdv` and `x` are not disposed.
 */
export function pgdStep(
  f: LogitsFn,
  xAdv: tf.Tensor,
  x: tf.Tensor,
  labels: Labels,
  params: PgdStepParams,
): tf.Tensor {
  assertEpsilon(params.eps);
  assertStepSize(params.stepSize);
  // Since xAdv is in [0,1], a signed step of size >= 1 lands on 0 or 1 after clipping
  // exactly like a step of size 1, so capping keeps fgsmFromGradient's eps <= 1 rule.
  const size = Math.min(params.stepSize, 1);
  return tf.tidy(() => {
    const stepped = fgsmFromGradient(
      xAdv,
      inputGradient(f, xAdv, labels),
      size,
      params.targeted ?? false,
    );
    return projectLinf(stepped, x, params.eps);
  });
}

/** Validates options and resolves the step size; null means eps = 0 (nothing to do). */
function resolve(opts: PgdOptions): PgdStepParams | null {
  assertEpsilon(opts.eps);
  assertSteps(opts.steps);
  if (opts.stepSize !== undefined) assertStepSize(opts.stepSize);
  if (opts.eps === 0) return null;
  const stepSize = opts.stepSize ?? defaultStepSize(opts.eps, opts.steps);
  return { eps: opts.eps, stepSize, targeted: opts.targeted ?? false };
}

/** The starting point: x itself, or x + U(-eps, eps) projected into [0,1] (seeded). */
function start(x: tf.Tensor, opts: PgdOptions): tf.Tensor {
  if (!opts.randomStart) return x.clone();
  return tf.tidy(() => {
    const noise = tf.randomUniform(x.shape, -opts.eps, opts.eps, "float32", opts.seed);
    return projectLinf(tf.add(x, noise), x, opts.eps);
  });
}

/** The PGD iterations from the start point (see `iterate`). */
function iterations(
  f: LogitsFn,
  x: tf.Tensor,
  labels: Labels,
  opts: PgdOptions,
  params: PgdStepParams,
): Generator<Iterate, tf.Tensor, void> {
  return iterate(start(x, opts), opts.steps, (xAdv) => pgdStep(f, xAdv, x, labels, params));
}

/**
 * Iterative L-inf attack (BIM / PGD, Kurakin et al. 2016, Madry et al. 2017), synchronous.
 * Returns a new tensor with ||x' - x||_inf <= eps and x' in [0,1]; eps = 0 returns x's
 * values exactly. Blocks the thread: in the UI prefer `pgdAsync`.
 */
export function pgd(f: LogitsFn, x: tf.Tensor, labels: Labels, opts: PgdOptions): tf.Tensor {
  const params = resolve(opts);
  if (params === null) return x.clone();
  return runIterations(iterations(f, x, labels, opts, params));
}

/**
 * Same result as `pgd`, but yields to the event loop (`yieldToBrowser`) between iterations so
 * the page stays responsive. Rejects with a
 * DOMException named "AbortError" if `signal` is (or becomes) aborted, disposing every
 * intermediate tensor. `onStep` is called once per iteration (not at all when eps = 0).
 */
export async function pgdAsync(
  f: LogitsFn,
  x: tf.Tensor,
  labels: Labels,
  opts: PgdOptions,
  control: PgdAsyncControl = {},
): Promise<tf.Tensor> {
  const params = resolve(opts);
  if (control.signal?.aborted) throw abortError("The PGD attack was aborted.");
  if (params === null) return x.clone();
  const steps = iterations(f, x, labels, opts, params);
  return runIterationsAsync(steps, opts.steps, control, "The PGD attack");
}
