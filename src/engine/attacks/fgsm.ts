import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { inputGradient } from "./gradient";
import type { Labels } from "./loss";
import { assertEpsilon } from "./params";

/** Options of the Fast Gradient Sign Method. */
export interface FgsmOptions {
  /** L-inf budget in [0,1] units (see `epsilonFromLevels`). */
  eps: number;
  /**
   * If true, `labels` are the TARGET classes and the step descends their loss
   * (x - eps*sign(g)); otherwise `labels` are the true classes and the step ascends.
   */
  targeted?: boolean;
}

/**
 * The FGSM formula, and the only place it lives: x' = clip(x + s*eps*signGrad, 0, 1) with
 * s = +1 (untargeted) or -1 (targeted). The UI computes `signGrad = sign(grad)` once and
 * calls this for every slider value. eps = 0 returns a clone of `x` (exactly the same values).
 */
export function fgsmFromSign(
  x: tf.Tensor,
  signGrad: tf.Tensor,
  eps: number,
  targeted = false,
): tf.Tensor {
  assertEpsilon(eps);
  if (eps === 0) return x.clone();
  const scale = targeted ? -eps : eps;
  return tf.tidy(() => tf.clipByValue(tf.add(x, tf.mul(signGrad, scale)), 0, 1));
}

/**
 * One FGSM step from a precomputed loss gradient `grad` (w.r.t. the true label, or the
 * target label when `targeted`): `fgsmFromSign(x, sign(grad), eps, targeted)`.
 */
export function fgsmFromGradient(
  x: tf.Tensor,
  grad: tf.Tensor,
  eps: number,
  targeted = false,
): tf.Tensor {
  return tf.tidy(() => fgsmFromSign(x, tf.sign(grad), eps, targeted));
}

/**
 * Fast Gradient Sign Method (Goodfellow et al., 2014) on a batch `x` in [0,1].
 * `labels` are the true classes (untargeted) or the target classes (`targeted`).
 * Returns a new tensor the caller must dispose; eps = 0 returns x's values exactly.
 */
export function fgsm(f: LogitsFn, x: tf.Tensor, labels: Labels, opts: FgsmOptions): tf.Tensor {
  assertEpsilon(opts.eps);
  if (opts.eps === 0) return x.clone();
  return tf.tidy(() =>
    fgsmFromGradient(x, inputGradient(f, x, labels), opts.eps, opts.targeted ?? false),
  );
}
