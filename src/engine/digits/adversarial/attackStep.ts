import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { seededRandom } from "../../random";
import type { Batch } from "../batches";
import { standardStep, type TrainStep } from "../train";
import type { PassCount } from "./types";

/** A stream of seeds, one per minibatch's random start, drawn from a run's seed. */
export function seedStream(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.floor(random() * 2 ** 31);
}

/**
 * The outer step of attack-based adversarial training: craft x' = attack(batch, seed), which
 * costs `attackPasses` forward and backward passes, then take one ordinary weight step on
 * (x', y) (one more of each). Returns the loss at x' (the caller disposes it).
 */
export function attackThenStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  attack: (batch: Batch, seed: number) => tf.Tensor,
  attackPasses: number,
  count: PassCount,
  seed: number,
): TrainStep {
  const weightStep = standardStep(model, optimizer);
  const nextSeed = seedStream(seed);
  return (batch) => {
    const xAdv = attack(batch, nextSeed()) as tf.Tensor4D;
    try {
      return weightStep({ x: xAdv, y: batch.y });
    } finally {
      xAdv.dispose();
      count.forward += attackPasses + 1;
      count.backward += attackPasses + 1;
    }
  };
}
