import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { assertEpsilon } from "../../attacks/params";
import type { Batch } from "../batches";
import type { TrainStep } from "../train";
import { lossGradients, modelWeights } from "./gradients";
import type { PassCount } from "./types";

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
 * (restarted at 0 when the batch size changes). `onReplay` sees delta after each replay (to
 * copy, not keep). Call `dispose()` at the end.
 */
export function freeTrainingStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  options: {
    eps: number;
    replays: number;
    onReplay?: (delta: tf.Tensor, replay: number) => void;
  },
  count: PassCount,
): TrainStep & { delta(): tf.Tensor | null; dispose(): void } {
  assertEpsilon(options.eps);
  if (!Number.isInteger(options.replays) || options.replays < 1) {
    throw new RangeError(`replays must be an integer >= 1, got ${options.replays}.`);
  }
  let delta: tf.Variable | null = null;
  const weights = modelWeights(model);

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
        const { value, weightGrads, inputGrad } = lossGradients(model, weights, d, y, (v) =>
          clipToImage(tf.add(x, v)),
        );
        optimizer.applyGradients(weightGrads);
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
      options.onReplay?.(d, r);
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
