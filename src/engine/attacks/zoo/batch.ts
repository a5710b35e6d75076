import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../../types";
import { runZooAttack, ZOO, type ZooAttackId, type ZooParams } from "./registry";
import { median, perturbationSizes } from "./sizes";

/** One attack over a batch of digits: how often it succeeded, how small its changes were, its cost. */
export interface ZooBatchRow {
  id: ZooAttackId;
  count: number;
  /** Share of examples misread (untargeted) or read as the target (targeted). */
  success: number;
  /** Medians over the successful examples, in [0,1] units (L0: values changed). */
  medianL0: number;
  medianL2: number;
  medianLinf: number;
  /** Gradients taken in all, and wall time. */
  backward: number;
  ms: number;
}

/** Runs attack `id` on x [N, ...] with its labels (targets: the next class) and summarises it. */
export async function zooBatchRow(
  id: ZooAttackId,
  f: LogitsFn,
  x: tf.Tensor,
  labels: number[],
  overrides: ZooParams = {},
): Promise<ZooBatchRow> {
  const classes = tf.tidy(() => f(tf.slice(x, 0, 1)).shape[1]);
  const targets = labels.map((l) => (l + 1) % classes);
  const t0 = performance.now();
  const run = await runZooAttack(id, f, x, labels, targets, overrides);
  const ms = performance.now() - t0;
  const read = tf.tidy(() => tf.argMax(f(run.adversarial), 1));
  const [predicted, sizes] = await Promise.all([
    read.data(),
    perturbationSizes(x, run.adversarial),
  ]);
  tf.dispose([read, run.adversarial]);
  const goal = ZOO[id].targeted ? targets : labels;
  const ok = labels.map((_, i) =>
    ZOO[id].targeted ? predicted[i] === goal[i] : predicted[i] !== goal[i],
  );
  const won = sizes.filter((_, i) => ok[i]);
  return {
    id,
    count: labels.length,
    success: ok.filter(Boolean).length / labels.length,
    medianL0: median(won.map((s) => s.l0)),
    medianL2: median(won.map((s) => s.l2)),
    medianLinf: median(won.map((s) => s.linf)),
    backward: run.backward,
    ms,
  };
}
