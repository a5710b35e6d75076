import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { inputGradient } from "./gradient";
import { type Iterate, iterate, runIterations } from "./iterate";
import type { Labels } from "./loss";
import { assertEpsilon, assertSteps } from "./params";
import { projectLinf } from "./project";

/** Options of MI-FGSM (Dong et al. 2018). Defaults as in their paper: mu = 1, alpha = eps / steps. */
export interface MiFgsmOptions {
  eps: number;
  steps: number;
  /** Decay of the accumulated gradient (mu). */
  momentum?: number;
  targeted?: boolean;
}

/** Each example's gradient divided by its mean absolute value (the paper's L1 normalisation). */
function normalised(g: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const axes = g.shape.slice(1).map((_, i) => i + 1);
    return tf.div(g, tf.maximum(tf.mean(tf.abs(g), axes, true), 1e-12));
  });
}

/**
 * Momentum iterative FGSM: g <- mu g + grad / mean|grad|, then a signed step of eps / steps
 * along g, projected into the eps-ball and [0,1]. The momentum keeps the direction steady from
 * step to step, which Dong et al. found makes the examples transfer to other models better.
 * As a generator (see `iterate`); eps = 0 returns x's values at once.
 */
export function* miFgsmIterations(
  f: LogitsFn,
  x: tf.Tensor,
  labels: Labels,
  opts: MiFgsmOptions,
): Generator<Iterate, tf.Tensor, void> {
  assertEpsilon(opts.eps);
  assertSteps(opts.steps);
  const mu = opts.momentum ?? 1;
  if (!(mu >= 0 && Number.isFinite(mu))) throw new RangeError(`momentum must be >= 0, got ${mu}.`);
  if (opts.eps === 0) return x.clone();
  const alpha = opts.eps / opts.steps;
  const sign = opts.targeted ? -1 : 1;
  let g = tf.zerosLike(x);
  try {
    return yield* iterate(x.clone(), opts.steps, (xAdv) =>
      tf.tidy(() => {
        const next = tf.keep(tf.add(tf.mul(g, mu), normalised(inputGradient(f, xAdv, labels))));
        g.dispose();
        g = next;
        return projectLinf(tf.add(xAdv, tf.mul(tf.sign(g), sign * alpha)), x, opts.eps);
      }),
    );
  } finally {
    g.dispose();
  }
}

/** MI-FGSM run to the end on this thread. */
export const miFgsm = (f: LogitsFn, x: tf.Tensor, labels: Labels, opts: MiFgsmOptions): tf.Tensor =>
  runIterations(miFgsmIterations(f, x, labels, opts));
