import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../types";
import { inputGradient } from "./gradient";
import { checkpoint, type IterationControl } from "./iterate";

/**
 * The greedy pixel attack's options. It is not Su et al.'s one-pixel attack (that one searches
 * by differential evolution without gradients); it is a JSMA-like greedy search that any image
 * size affords: one gradient per step, `perStep` pixels set per gradient.
 */
export interface GreedyPixelsOptions {
  /** Pixels (all channels of one position) set per gradient; 1 is one pixel at a time. */
  perStep: number;
  /** The most pixels it may change (its L0 budget, in pixel positions). */
  maxPixels: number;
  /** `label` is a target to reach, not the true class to leave. */
  targeted?: boolean;
}

export interface GreedyPixelsResult {
  adversarial: tf.Tensor;
  /** Pixel positions changed, and whether the goal was reached. */
  changed: number;
  success: boolean;
  backward: number;
}

/**
 * For each pixel position of an HWC image, the loss the linearised model gains by pushing every
 * channel to the end of [0,1] its gradient points to: sum over channels of g * (end - x).
 * `g` is the gradient of the loss to raise. Positions already used score -Infinity.
 */
export function pixelGains(
  values: Float32Array,
  g: Float32Array,
  channels: number,
  used: Uint8Array,
): Float32Array {
  const gains = new Float32Array(used.length);
  for (let p = 0; p < used.length; p++) {
    if (used[p]) {
      gains[p] = Number.NEGATIVE_INFINITY;
      continue;
    }
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const i = p * channels + c;
      sum += g[i] * ((g[i] > 0 ? 1 : 0) - values[i]);
    }
    gains[p] = sum;
  }
  return gains;
}

/** The indices of the k largest values (ties: lower index first). */
export function topIndices(values: Float32Array, k: number): number[] {
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
  return order.slice(0, k).filter((p) => values[p] > Number.NEGATIVE_INFINITY);
}

/**
 * Greedy L0 attack on one image [1, H, W, C]: at each step the gradient of the loss (away from
 * `label`, or toward it when targeted) ranks the unused pixel positions by `pixelGains`, and the
 * best `perStep` have each channel set to 0 or 1 as the gradient points; until the model's answer
 * changes (or reaches the target) or `maxPixels` are used.
 */
export async function greedyPixels(
  f: LogitsFn,
  x: tf.Tensor,
  label: number,
  opts: GreedyPixelsOptions,
  control: IterationControl = {},
): Promise<GreedyPixelsResult> {
  const { perStep, maxPixels, targeted = false } = opts;
  if (x.shape.length !== 4 || x.shape[0] !== 1)
    throw new RangeError(`The greedy pixel attack takes one image [1, H, W, C], got [${x.shape}].`);
  for (const [name, v] of [
    ["perStep", perStep],
    ["maxPixels", maxPixels],
  ] as const) {
    if (!(Number.isInteger(v) && v >= 1))
      throw new RangeError(`${name} must be an integer >= 1, got ${v}.`);
  }
  const channels = x.shape[3];
  const pixels = Float32Array.from((await x.data()) as Float32Array);
  const used = new Uint8Array(pixels.length / channels);
  const total = Math.ceil(Math.min(maxPixels, used.length) / perStep);
  const reached = (top: number) => (targeted ? top === label : top !== label);
  let changed = 0;
  let backward = 0;
  for (let step = 0; ; step++) {
    const xt = tf.tensor(pixels, x.shape);
    if (step > 0) {
      await checkpoint(control, "The greedy pixel attack", xt, step, total).catch((error) => {
        xt.dispose();
        throw error;
      });
    }
    const [top, grad] = tf.tidy(() => [tf.argMax(f(xt), 1), inputGradient(f, xt, [label])]);
    const [topValue, g] = await Promise.all([top.data(), grad.data()]);
    tf.dispose([top, grad]);
    if (reached(topValue[0]) || changed >= Math.min(maxPixels, used.length)) {
      return { adversarial: xt, changed, success: reached(topValue[0]), backward };
    }
    backward++;
    const up = targeted ? (g as Float32Array).map((v) => -v) : (g as Float32Array);
    const k = Math.min(perStep, maxPixels - changed);
    for (const p of topIndices(pixelGains(pixels, up, channels, used), k)) {
      for (let c = 0; c < channels; c++)
        pixels[p * channels + c] = up[p * channels + c] > 0 ? 1 : 0;
      used[p] = 1;
      changed++;
    }
    xt.dispose();
  }
}
