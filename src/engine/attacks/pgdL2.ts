import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { inputGradient } from "./gradient";
import { type Iterate, iterate, runIterations } from "./iterate";
import type { Labels } from "./loss";
import { assertSteps } from "./params";

export interface PgdL2Options {
  /** L2 radius of the ball around x, in [0,1] pixel units (the norm over all of an input). */
  radius: number;
  steps: number;
  /** Step length; default 2.5 * radius / steps. */
  stepSize?: number;
}

/** Per-example L2 norms of a batch, shaped [N, 1, ...] to broadcast against it. */
function norms(t: tf.Tensor): tf.Tensor {
  const axes = t.shape.slice(1).map((_, i) => i + 1);
  return tf.sqrt(tf.sum(tf.square(t), axes, true));
}

/**
 * Euclidean projection of `xAdv` onto the L2 ball of `radius` around x (each example scaled back
 * along its own difference), then into [0,1]: clipping toward a point of [0,1] never lengthens
 * the difference, so the result stays in the ball.
 */
export function projectL2(xAdv: tf.Tensor, x: tf.Tensor, radius: number): tf.Tensor {
  return tf.tidy(() => {
    const delta = tf.sub(xAdv, x);
    const scale = tf.minimum(1, tf.div(radius, tf.maximum(norms(delta), 1e-12)));
    return tf.clipByValue(tf.add(x, tf.mul(delta, scale)), 0, 1);
  });
}

/**
 * Untargeted PGD in the L2 ball (Madry et al. 2018): steps along the loss gradient normalised
 * per example (a near-zero gradient takes no step), each projected back. As a generator (see
 * `iterate`); radius 0 returns x's values at once.
 */
export function pgdL2Iterations(
  f: LogitsFn,
  x: tf.Tensor,
  labels: Labels,
  opts: PgdL2Options,
): Generator<Iterate, tf.Tensor, void> {
  if (!(opts.radius >= 0 && Number.isFinite(opts.radius)))
    throw new RangeError(`radius must be >= 0, got ${opts.radius}.`);
  assertSteps(opts.steps);
  const stepSize = opts.stepSize ?? (2.5 * opts.radius) / opts.steps;
  return iterate(x.clone(), opts.radius === 0 ? 0 : opts.steps, (xAdv) =>
    tf.tidy(() => {
      const g = inputGradient(f, xAdv, labels);
      const unit = tf.div(g, tf.maximum(norms(g), 1e-12));
      return projectL2(tf.add(xAdv, tf.mul(unit, stepSize)), x, opts.radius);
    }),
  );
}

/** PGD-L2 run to the end on this thread. */
export const pgdL2 = (f: LogitsFn, x: tf.Tensor, labels: Labels, opts: PgdL2Options): tf.Tensor =>
  runIterations(pgdL2Iterations(f, x, labels, opts));
