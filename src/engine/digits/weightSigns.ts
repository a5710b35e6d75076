import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { fgsm } from "../attacks/fgsm";
import { inputGradient } from "../attacks/gradient";
import type { LogitsFn } from "../types";

/**
 * The softmax-regression model's weights as ten 28x28 images: column k of the 784x10 kernel
 * is what class k "looks for" (logit_k = w_k . x + b_k).
 */
export async function classWeightImages(model: tfl.LayersModel): Promise<Float32Array[]> {
  const kernel = model.getWeights()[0];
  if (kernel.shape.length !== 2 || kernel.shape[1] !== 10) {
    throw new Error("Weight images need the softmax-regression model (a 784x10 kernel).");
  }
  const values = (await kernel.data()) as Float32Array;
  const [d, c] = kernel.shape;
  return Array.from({ length: c }, (_, k) =>
    Float32Array.from({ length: d }, (_, i) => values[i * c + k]),
  );
}

/** sign(a - b) elementwise, as -1/0/1 floats. */
export function signOfDifference(a: Float32Array, b: Float32Array): Float32Array {
  return Float32Array.from(a, (v, i) => Math.sign(v - b[i]));
}

/** Fraction of entries where two sign patterns agree (entries where either is 0 are skipped). */
export function signAgreement(a: Float32Array, b: Float32Array): number {
  let same = 0;
  let counted = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0 || b[i] === 0) continue;
    counted++;
    if (Math.sign(a[i]) === Math.sign(b[i])) same++;
  }
  return counted === 0 ? Number.NaN : same / counted;
}

/**
 * The direction a targeted FGSM step toward `target` moves one digit x [1,28,28,1], before
 * clipping: -sign(grad_x L(x, target)). For softmax regression grad_x L = sum_k p_k w_k - w_t,
 * so when the model is confident in class y this is close to sign(w_t - w_y).
 */
export function targetedStepSign(f: LogitsFn, x: tf.Tensor, target: number): Float32Array {
  return tf.tidy(() => tf.neg(tf.sign(inputGradient(f, x, [target]))).dataSync() as Float32Array);
}

/** Untargeted FGSM samples at one eps: the 8-bit adversarial digits and what `f` says of them. */
export async function adversarialSamples(
  f: LogitsFn,
  x: tf.Tensor4D,
  labels: tf.Tensor1D,
  epsLevel: number,
): Promise<{ pixels: Float32Array[]; predicted: number[]; confidence: number[] }> {
  const [adv, probs] = tf.tidy(() => {
    const a = fgsm(f, x, labels, { eps: epsLevel / 255 });
    return [a, tf.softmax(f(a))];
  });
  const [advValues, probValues] = await Promise.all([adv.data(), probs.data()]);
  tf.dispose([adv, probs]);
  const n = x.shape[0];
  const size = advValues.length / n;
  const classes = probValues.length / n;
  const predicted: number[] = [];
  const confidence: number[] = [];
  const pixels: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = probValues.subarray(i * classes, (i + 1) * classes);
    const top = row.indexOf(Math.max(...row));
    predicted.push(top);
    confidence.push(row[top]);
    pixels.push(Float32Array.from(advValues.subarray(i * size, (i + 1) * size)));
  }
  return { pixels, predicted, confidence };
}
