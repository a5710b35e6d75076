import * as tf from "@tensorflow/tfjs-core";
import { fgsmFromSign } from "../attacks/fgsm";
import { inputGradient } from "../attacks/gradient";
import { perExampleCrossEntropy } from "../attacks/loss";
import { assertEpsilon } from "../attacks/params";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import { DIGIT_INPUT_SHAPE } from "./digitModels";

/**
 * FGSM on one digit, cut into the stages chapter 3 shows. The expensive part (a forward pass
 * and the input gradient) depends only on (model, digit, label): `fgsmCleanStages` does it
 * once. Each epsilon then costs one forward pass in `fgsmEpsStages`. Plain arrays out.
 */

/** Everything that does not depend on epsilon. Arrays are 784 long (28x28, row-major). */
export interface CleanStages {
  /** The digit, in [0,1]. */
  x: Float32Array;
  /** The class whose loss the attack raises (the true label, or the model's guess). */
  label: number;
  /** softmax(f(x)), 10 values. */
  probs: Float32Array;
  /** Cross-entropy -log probs[label]. */
  loss: number;
  /** The input gradient dL/dx. */
  grad: Float32Array;
  /** sign(grad): -1, 0 or +1 per pixel. */
  sign: Float32Array;
}

/** The stages that move with epsilon. */
export interface EpsStages {
  eps: number;
  /** eta = eps * sign(grad). */
  eta: Float32Array;
  /** x + eta, before the clip (may leave [0,1]). */
  shifted: Float32Array;
  /** clip(x + eta, 0, 1), by `fgsmFromSign`: the adversarial digit. */
  adv: Float32Array;
  /** Pixels the clip pulled back up to 0 / down to 1. */
  clippedLow: number;
  clippedHigh: number;
  /** softmax(f(adv)) and -log of the label's probability, for `adv` rounded to 8 bits. */
  probs: Float32Array;
  loss: number;
}

const PIXELS = DIGIT_INPUT_SHAPE[0] * DIGIT_INPUT_SHAPE[1];

/** A digit as the models want it: [1, 28, 28, 1]. */
function digitTensor(values: ArrayLike<number>): tf.Tensor4D {
  if (values.length !== PIXELS) {
    throw new RangeError(`A digit has ${PIXELS} pixels, got ${values.length}.`);
  }
  return tf.tensor4d(Float32Array.from(values), [1, ...DIGIT_INPUT_SHAPE]);
}

/** Probabilities and per-example loss of one digit, as tensors (call inside tf.tidy). */
function classify(f: LogitsFn, x: tf.Tensor, label: number): [tf.Tensor, tf.Tensor] {
  const logits = f(x);
  return [tf.softmax(logits), perExampleCrossEntropy(logits, [label])];
}

/** Reads back tensors in one go, then disposes them. */
async function readAll(tensors: tf.Tensor[]): Promise<Float32Array[]> {
  try {
    return (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * Forward pass, loss and input gradient of one digit `x` (784 values in [0,1]). `label`
 * defaults to the model's own prediction (for a drawn digit with no true label).
 */
export async function fgsmCleanStages(
  f: LogitsFn,
  x: ArrayLike<number>,
  label?: number,
): Promise<CleanStages> {
  const xt = digitTensor(x);
  const pixels = Float32Array.from(x);
  try {
    let y = label;
    if (y === undefined) {
      const guess = tf.tidy(() => tf.argMax(f(xt), 1));
      y = (await readAll([guess]))[0][0];
    }
    const cls = y;
    const [probs, loss, grad, sign] = await readAll(
      tf.tidy(() => {
        const g = inputGradient(f, xt, [cls]);
        return [...classify(f, xt, cls), g, tf.sign(g)];
      }),
    );
    return { x: pixels, label: cls, probs, loss: loss[0], grad, sign };
  } finally {
    xt.dispose();
  }
}

/**
 * The epsilon-dependent stages for `clean`: eta, x + eta, the clip (the one FGSM formula,
 * `fgsmFromSign`) and the new prediction. The adversarial digit is rounded to 8 bits before
 * it is classified, so what is shown is what was classified; with x on the 8-bit grid and
 * eps = k/255 that rounding only removes float error.
 */
export async function fgsmEpsStages(
  f: LogitsFn,
  clean: CleanStages,
  eps: number,
): Promise<EpsStages> {
  assertEpsilon(eps);
  const [eta, shifted, adv, probs, loss] = await readAll(
    tf.tidy(() => {
      const x = digitTensor(clean.x);
      const sign = digitTensor(clean.sign);
      const etaT = tf.mul(sign, eps);
      const advT = fgsmFromSign(x, sign, eps);
      return [etaT, tf.add(x, etaT), advT, ...classify(f, quantize8bit(advT), clean.label)];
    }),
  );
  let clippedLow = 0;
  let clippedHigh = 0;
  for (let i = 0; i < PIXELS; i++) {
    if (shifted[i] < 0) clippedLow++;
    else if (shifted[i] > 1) clippedHigh++;
  }
  return { eps, eta, shifted, adv, clippedLow, clippedHigh, probs, loss: loss[0] };
}
