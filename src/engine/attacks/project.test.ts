import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { projectLinf } from "./project";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("projectLinf", () => {
  it("clips into the eps-ball around x and into [0,1]", () => {
    const x = tf.tensor1d([0, 0.5, 1, 0.5, 0.95]);
    const xAdv = tf.tensor1d([-0.3, 0.9, 1.2, 0.52, 1.3]);
    const p = projectLinf(xAdv, x, 0.1);
    const v = Array.from(p.dataSync());
    const want = [0, 0.6, 1, 0.52, 1];
    for (const [i, got] of v.entries()) expect(got).toBeCloseTo(want[i], 6);
    tf.dispose([x, xAdv, p]);
  });
});
