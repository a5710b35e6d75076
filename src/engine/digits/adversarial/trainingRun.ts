import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { shuffledIndices } from "../../random";
import { epochBatches, makeBatch } from "../batches";
import { buildDigitModel } from "../digitModels";
import { type DigitSet, pickDigits } from "../mnistFormat";
import { trainingStep } from "./methods";
import { cleanAndRobustAccuracy } from "./robustAccuracy";
import type { RunCounters, RunSpec } from "./types";

/** What one `step()` reports. */
export interface StepReport {
  loss: number;
  /**
   * Free only, when captureDeltas = n > 0: for each of the m replays, delta of the minibatch's
   * first n digits (n*784 floats, after that replay).
   */
  deltas?: Float32Array[];
  /** With deltas: those n clean digits (n*784 floats in [0,1]). */
  images?: Float32Array;
  /** Fast training with early stopping: robust accuracy of the check run after this step. */
  checkAccuracy?: number;
}

export interface TrainingRun {
  readonly spec: RunSpec;
  readonly model: tfl.LayersModel;
  readonly counters: Readonly<RunCounters>;
  /** Budget spent, or stopped early. */
  readonly done: boolean;
  readonly stoppedEarly: boolean;
  /**
   * One minibatch update (free: its m replays). Resolves once the backend has finished (await
   * the loss's data()); its wall time is added to counters.seconds. Throws if done.
   */
  step(options?: { captureDeltas?: number }): Promise<StepReport>;
  /** Frees everything; called during a step, it takes effect when the step has finished. */
  dispose(): void;
}

/** Fast training's early stopping (Wong et al. 2020): a PGD check on a fixed training subset. */
export interface EarlyStoppingOptions {
  /** Size of the subset, in minibatches (its passes are counted in these units). */
  batches: number;
  /** PGD steps of the check (random start, default step size, the run's eps). */
  steps: number;
  /** Checks per epoch. */
  perEpoch: number;
  /** Stop when the check's robust accuracy falls more than this below the best check so far, */
  drop: number;
  /** ...or below this fraction of the best, */
  fraction: number;
  /** ...by at least this much (so noise near chance cannot stop a run). */
  minDrop: number;
}

/**
 * Wong et al. stop on a drop of 20 points, for CIFAR-10 runs whose robust accuracy peaks near
 * 45%. Ours can peak near 20% (the CNN at eps 0.3) and collapse from there to 0: that is a
 * collapse too, so losing half the best accuracy (at least 5 points) also stops a run.
 */
export const EARLY_STOPPING: EarlyStoppingOptions = {
  batches: 4,
  steps: 5,
  perEpoch: 5,
  drop: 0.2,
  fraction: 0.5,
  minDrop: 0.05,
};

/** Whether a check at `now` after a best of `best` is a collapse, by `options`' rule. */
export function collapsed(best: number, now: number, options: EarlyStoppingOptions): boolean {
  const fall = best - now;
  return fall > options.drop || (fall >= options.minDrop && now < best * options.fraction);
}

export interface RunOptions {
  earlyStopping?: Partial<EarlyStoppingOptions>;
  /** Replaces the PGD check (tests): returns a robust accuracy; its passes are not counted. */
  check?: (model: tfl.LayersModel) => Promise<number>;
}

/**
 * A run of `spec.method` on `train`, stepped by the caller. Every method starts from the same
 * weights (`buildDigitModel(kind, seed)`) and sees the same batch order, epoch after epoch,
 * so curves compare fairly; it is done once `backwardBudget` backward passes are spent.
 */
export function createTrainingRun(
  train: DigitSet,
  spec: RunSpec,
  options: RunOptions = {},
): TrainingRun {
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1) {
    throw new RangeError(`batchSize must be an integer >= 1, got ${spec.batchSize}.`);
  }
  const model = buildDigitModel(spec.kind, spec.seed);
  const optimizer = tf.train.adam(spec.learningRate);
  const counters: RunCounters = { forward: 0, backward: 0, seconds: 0, minibatches: 0, epochs: 0 };

  // Free training's replays, captured while `capture` > 0.
  let capture = 0;
  let captured: tf.Tensor[] = [];
  const step = trainingStep(spec.method, model, optimizer, spec.settings, counters, spec.seed, {
    onReplay: (delta) => {
      if (capture > 0) captured.push(tf.slice(delta, 0, capture));
    },
  });

  let epoch = 1;
  let seen = 0; // digits stepped on, for an exact epoch count
  let batches = epochBatches(train.count, spec.batchSize, spec.seed, epoch);
  let next = 0;

  const stopping = { ...EARLY_STOPPING, ...options.earlyStopping };
  const checking = spec.method === "fast" && spec.settings.earlyStopping;
  const checkEvery = Math.max(1, Math.round(batches.length / stopping.perEpoch));
  const checkSet = checking
    ? pickDigits(
        train,
        shuffledIndices(train.count, spec.seed + 7919).subarray(
          0,
          Math.min(train.count, stopping.batches * spec.batchSize),
        ),
      )
    : null;
  let best = Number.NEGATIVE_INFINITY;
  let bestWeights: tf.Tensor[] | null = null;
  let stoppedEarly = false;
  let busy = false;
  let disposed = false;

  const free = () => {
    step.dispose();
    optimizer.dispose();
    tf.dispose(bestWeights ?? []);
    bestWeights = null;
    model.dispose();
  };

  const done = () => stoppedEarly || counters.backward >= spec.backwardBudget;

  /** The PGD check; on a sharp drop below the best check, restores the best weights and stops. */
  const runCheck = async (): Promise<number> => {
    let robust: number;
    if (options.check) {
      robust = await options.check(model);
    } else {
      const set = checkSet as DigitSet;
      ({ robust } = await cleanAndRobustAccuracy(model, set, {
        eps: spec.settings.eps,
        steps: stopping.steps,
        seed: spec.seed,
        batchSize: spec.batchSize,
      }));
      // Per minibatch unit: `steps` attack passes, then the clean and attacked predictions.
      const units = set.count / spec.batchSize;
      counters.forward += (stopping.steps + 2) * units;
      counters.backward += stopping.steps * units;
    }
    if (robust > best) {
      best = robust;
      tf.dispose(bestWeights ?? []);
      bestWeights = model.getWeights().map((w) => tf.clone(w));
    } else if (bestWeights && collapsed(best, robust, stopping)) {
      model.setWeights(bestWeights);
      stoppedEarly = true;
    }
    return robust;
  };

  return {
    spec,
    model,
    counters,
    get done() {
      return done();
    },
    get stoppedEarly() {
      return stoppedEarly;
    },
    async step(opts = {}) {
      if (disposed) throw new Error("This training run has been disposed.");
      if (done()) throw new Error("This training run is done.");
      if (busy) throw new Error("A step of this run is still in progress.");
      busy = true;
      const start = performance.now();
      let images: tf.Tensor | null = null;
      try {
        const indices = batches[next];
        capture = spec.method === "free" ? Math.min(opts.captureDeltas ?? 0, indices.length) : 0;
        const batch = makeBatch(train, indices);
        let lossTensor: tf.Scalar;
        try {
          if (capture > 0) images = tf.slice(batch.x, 0, capture);
          lossTensor = step(batch);
        } finally {
          tf.dispose([batch.x, batch.y]);
        }
        const loss = (await lossTensor.data())[0];
        lossTensor.dispose();

        counters.minibatches += 1;
        seen += indices.length;
        counters.epochs = seen / train.count;
        next += 1;
        if (next === batches.length) {
          epoch += 1;
          batches = epochBatches(train.count, spec.batchSize, spec.seed, epoch);
          next = 0;
        }
        const report: StepReport = { loss };
        if (checking && counters.minibatches % checkEvery === 0) {
          report.checkAccuracy = await runCheck();
        }
        counters.seconds += (performance.now() - start) / 1000;

        if (capture > 0) {
          report.deltas = await Promise.all(captured.map((d) => d.data() as Promise<Float32Array>));
          report.images = (await (images as tf.Tensor).data()) as Float32Array;
        }
        return report;
      } finally {
        tf.dispose([...captured, ...(images ? [images] : [])]);
        captured = [];
        capture = 0;
        busy = false;
        if (disposed) free(); // dispose() was called during this step
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (!busy) free();
    },
  };
}
