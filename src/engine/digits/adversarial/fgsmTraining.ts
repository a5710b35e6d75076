import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { fgsmFromGradient } from "../../attacks/fgsm";
import { assertEpsilon } from "../../attacks/params";
import { meanLoss, type TrainStep } from "../train";
import { lossGradients, modelWeights } from "./gradients";
import type { PassCount } from "./types";

/**
 * FGSM adversarial training (Goodfellow et al. 2014) on the mixed loss
 *   L~ = alpha * L(x, y) + (1 - alpha) * L(x + eps * sign(grad_x L(x, y)), y),
 * with x_adv clipped to [0,1] and held constant (sign() has zero derivative almost everywhere).
 * Cost 2 forward + 2 backward: the backward pass at x yields grad_x L and the clean weight
 * gradient g_clean together; the one at x_adv yields g_adv. The update applies
 * alpha * g_clean + (1 - alpha) * g_adv. Returns L~ (the caller disposes it).
 */
export function fgsmTrainingStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  options: { eps: number; alpha: number },
  count: PassCount,
): TrainStep {
  const { eps, alpha } = options;
  assertEpsilon(eps);
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}.`);
  const weights = modelWeights(model);
  return ({ x, y }) => {
    const input = tf.variable(x, true); // shares x's data; trainable so its gradient is taken
    try {
      return tf.tidy(() => {
        const clean = lossGradients(model, weights, input, y);
        const xAdv = fgsmFromGradient(x, clean.inputGrad, eps);
        const adv = tf.variableGrads(() => meanLoss(model, xAdv, y), weights);
        const mixed: tf.NamedTensorMap = {};
        for (const [name, g] of Object.entries(clean.weightGrads)) {
          mixed[name] = tf.add(tf.mul(g, alpha), tf.mul(adv.grads[name], 1 - alpha));
        }
        optimizer.applyGradients(mixed);
        return tf.add(tf.mul(clean.value, alpha), tf.mul(adv.value, 1 - alpha)) as tf.Scalar;
      });
    } finally {
      input.dispose();
      count.forward += 2;
      count.backward += 2;
    }
  };
}
