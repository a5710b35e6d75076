import * as tf from "@tensorflow/tfjs-core";
import type { AttackLab } from "../../engine/attackLab";
import type { ImageNetClassifier } from "../../engine/models/classifier";
import type { Chapter1Timings } from "./api";

/** Times `fn` `runs` times after one warm-up run (shader compilation), in ms. */
async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The benchmark's chapter 1 costs, measured where the work runs. The fresh FGSM sets the lab's
 * plan behind the page's back: the bench asks for this last.
 */
export async function chapter1Timings(
  classifier: ImageNetClassifier,
  lab: AttackLab,
  { runs, label }: { runs: number; label: number },
): Promise<Chapter1Timings> {
  const size = classifier.inputSize;
  const x = tf.randomUniform([1, size, size, 3]) as tf.Tensor4D;
  try {
    const forward = await time(runs, async () => {
      const y = tf.tidy(() => classifier.logits(x));
      await y.data();
      y.dispose();
    });
    const plan = { kind: "fgsm" as const, label, targeted: false, steps: 1, randomStart: false };
    const freshFgsm = await time(runs, async () => {
      await lab.setPlan(plan);
      await lab.adversarialBytes(4);
    });
    const loss = (input: tf.Tensor) =>
      tf.neg(tf.logSoftmax(classifier.logits(input)).gather([label], 1).sum());
    const bareGrad = await time(runs, async () => {
      const grad = tf.tidy(() => tf.grad(loss)(x));
      await grad.data();
      grad.dispose();
    });
    return { forward, freshFgsm, bareGrad };
  } finally {
    x.dispose();
  }
}
