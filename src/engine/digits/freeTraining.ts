import * as tf from "@tensorflow/tfjs";
import { assertEpsilon } from "../attacks/params";
import type { Batch } from "./batches";
import { meanLoss, type TrainStep } from "./train";

/** Passes over a minibatch, counted in whole-minibatch units (the basis of the cost table). */
export interface PassCount {
  forward: number;
  backward: number;
}

/**
 * clip(v, 0, 1) whose gradient passes through unchanged: the gradient w.r.t. delta is then the
 * input gradient g at the clipped image, as the update rule wants, also at saturated pixels.
 */
const clipToImage = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: tf.clipByValue(args[0] as tf.Tensor, 0, 1),
  gradFunc: (dy: tf.Tensor) => dy,
})) as (v: tf.Tensor) => tf.Tensor;

/**
 * Free adversarial training (Shafahi et al. 2019): each minibatch is replayed `replays` (m)
 * times. Every replay makes ONE backward pass of L(clip(x + delta, 0, 1), y) and uses it twice:
 * the weight gradient updates the weights, the input gradient g updates the perturbation,
 * delta <- clip(delta + eps * sign(g), -eps, eps). delta is carried over to the next minibatch
 * (restarted at 0 when the batch size changes). Call `dispose()` at the end.
 */
export function freeTrainingStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: { eps: number; replays: number },
  count: PassCount,
): TrainStep & { delta(): tf.Tensor | null; dispose(): void } {
  assertEpsilon(options.eps);
  if (!Number.isInteger(options.replays) || options.replays < 1) {
    throw new RangeError(`replays must be an integer >= 1, got ${options.replays}.`);
  }
  let delta: tf.Variable | null = null;
  const weights = () => model.trainableWeights.map((w) => w.read() as tf.Variable);

  const step = ({ x, y }: Batch): tf.Scalar => {
    if (!delta || delta.shape[0] !== x.shape[0]) {
      delta?.dispose();
      const zeros = tf.zerosLike(x);
      delta = tf.variable(zeros, true); // trainable: variableGrads skips the others
      zeros.dispose(); // the variable keeps its own reference to the data
    }
    const d = delta;
    let last: tf.Scalar | null = null;
    for (let r = 0; r < options.replays; r++) {
      last?.dispose();
      last = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => meanLoss(model, clipToImage(tf.add(x, d)), y),
          [...weights(), d],
        );
        const inputGrad = grads[d.name];
        delete grads[d.name];
        optimizer.applyGradients(grads);
        d.assign(
          tf.clipByValue(
            tf.add(d, tf.mul(tf.sign(inputGrad), options.eps)),
            -options.eps,
            options.eps,
          ),
        );
        return value;
      });
      count.forward += 1;
      count.backward += 1;
    }
    return last as tf.Scalar;
  };
  return Object.assign(step, {
    delta: () => delta,
    dispose: () => {
      delta?.dispose();
      delta = null;
    },
  });
}
