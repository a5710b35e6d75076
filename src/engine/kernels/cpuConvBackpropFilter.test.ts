import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installFastCpuConvGradient, uninstallFastCpuConvGradient } from "./cpuConvBackpropFilter";

beforeAll(async () => {
  await tf.setBackend("cpu");
});
afterAll(() => uninstallFastCpuConvGradient());

/** The filter gradient of sum(conv2d(x, w) * probe), by whichever kernel is installed. */
function filterGrad(stride: number, pad: "same" | "valid", seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.randomNormal([3, 9, 8, 2], 0, 1, "float32", seed);
    const w = tf.randomNormal([3, 3, 2, 4], 0, 1, "float32", seed + 1);
    const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, pad);
    const probe = tf.randomNormal(y.shape, 0, 1, "float32", seed + 2);
    const g = tf.grad((wi: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, wi as tf.Tensor4D, stride, pad), probe)),
    )(w);
    return g.dataSync() as Float32Array;
  });
}

describe("fast cpu Conv2DBackpropFilter", () => {
  it("gives tfjs's own kernel's result for strides 1 and 2, same and valid padding", () => {
    const cases: [number, "same" | "valid"][] = [
      [1, "same"],
      [1, "valid"],
      [2, "same"],
      [2, "valid"],
    ];
    const reference = cases.map(([s, p], i) => filterGrad(s, p, 10 * i + 1));
    installFastCpuConvGradient();
    const fast = cases.map(([s, p], i) => filterGrad(s, p, 10 * i + 1));
    for (const [i, ref] of reference.entries()) {
      expect(fast[i].length).toBe(ref.length);
      for (let k = 0; k < ref.length; k++)
        expect([i, k, fast[i][k]]).toEqual([i, k, expect.closeTo(ref[k], 3)]);
    }
  });
});
