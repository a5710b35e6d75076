import * as tf from "@tensorflow/tfjs-core";
import { toRgbaBytes } from "../../pixels";
import { argMax } from "../../topK";
import type { LogitsFn } from "../../types";
import type { IterationControl } from "../iterate";
import { runZooAttack, ZOO, type ZooAttackId, type ZooDomain, type ZooParams } from "./registry";
import { type PerturbationSize, perturbationSizes } from "./sizes";
import type { TracePoint } from "./trace";

/** One attack on one image, as plain data for the comparison table. */
export interface ZooCompareRow {
  id: ZooAttackId;
  /** The settings it ran with (defaults and the reader's changes). */
  params: ZooParams;
  /** The 8-bit adversarial image as RGBA bytes. */
  advRgba: Uint8ClampedArray;
  /** The model's softmax on it. */
  probs: Float32Array;
  /** Left the clean top-1 (untargeted) or reached the target (targeted). */
  success: boolean;
  /**
   * How far past the decision boundary the logits went: the best other logit minus the clean
   * class's (untargeted), or the target's minus the best other (targeted). Above 0 where the
   * attack succeeded; C&W asks for at least its kappa.
   */
  margin: number;
  /** Size of the change in [0,1] units (L0: values changed, channels counted apart). */
  size: PerturbationSize;
  forward: number;
  backward: number;
  ms: number;
  trace: TracePoint[];
}

/** One attack of a comparison, with the settings the reader changed. */
export interface ZooChoice {
  id: ZooAttackId;
  params: ZooParams;
}

/** What to compare: the attacks and their settings, on one image [1, H, W, C] in [0,1]. */
export interface ZooCompareRequest {
  attacks: ZooChoice[];
  domain: ZooDomain;
  /** The class to leave (the clean top-1) and the one targeted attacks aim at. */
  label: number;
  target: number;
}

/**
 * The logit margin past the boundary: logits of the class to reach (`targeted`) minus the best
 * other, or the best other minus the class to leave. Pure.
 */
export function logitMargin(logits: ArrayLike<number>, cls: number, targeted: boolean): number {
  const others = Array.from(logits).filter((_, k) => k !== cls);
  const past = Math.max(...others) - logits[cls];
  return targeted ? -past : past;
}

/** Runs one attack of a comparison on x and measures it. */
export async function compareRow(
  f: LogitsFn,
  x: tf.Tensor,
  request: ZooCompareRequest,
  attack: ZooChoice,
  control: IterationControl,
): Promise<ZooCompareRow> {
  const { id } = attack;
  const { label, target, domain } = request;
  const t0 = performance.now();
  const run = await runZooAttack(id, f, x, [label], [target], attack.params, {
    domain,
    control,
    trace: true,
  });
  const ms = performance.now() - t0;
  try {
    const logitsT = tf.tidy(() => f(run.adversarial));
    const probsT = tf.tidy(() => tf.softmax(logitsT));
    const image = tf.tidy(() => tf.squeeze(run.adversarial, [0]) as tf.Tensor3D);
    const [logits, probs, advRgba, [size]] = await Promise.all([
      logitsT.data(),
      probsT.data() as Promise<Float32Array>,
      toRgbaBytes(image),
      perturbationSizes(x, run.adversarial),
    ]).finally(() => tf.dispose([logitsT, probsT, image]));
    const top = argMax(probs);
    const { targeted } = ZOO[id];
    const success = targeted ? top === target : top !== label;
    const margin = logitMargin(logits, targeted ? target : label, targeted);
    const { forward, backward, trace, params } = run;
    return { id, params, advRgba, probs, success, margin, size, forward, backward, ms, trace };
  } finally {
    run.adversarial.dispose();
  }
}

/**
 * Runs each attack of `request` on x in turn; `onRow` sees each row as it is done and
 * `control(i)` gives the i-th attack its progress, cancellation and pauses.
 */
export async function compareAttacks(
  f: LogitsFn,
  x: tf.Tensor,
  request: ZooCompareRequest,
  control: (index: number) => IterationControl,
  onRow: (row: ZooCompareRow, index: number) => void = () => {},
): Promise<ZooCompareRow[]> {
  const rows: ZooCompareRow[] = [];
  for (const [i, attack] of request.attacks.entries()) {
    const row = await compareRow(f, x, request, attack, control(i));
    rows.push(row);
    onRow(row, i);
  }
  return rows;
}

/** What a comparison starts from: the clean image, its top-1 and the targeted attacks' target. */
export interface ZooStart {
  label: number;
  target: number;
  cleanRgba: Uint8ClampedArray;
}

/** A finished comparison: where it started, and a row per attack. */
export interface ZooComparison extends ZooStart {
  rows: ZooCompareRow[];
}

/**
 * A comparison's progress: `start` first (once), then attack `index` has done `done` of `total`
 * iterations, with its `row` when it ends.
 */
export interface ZooCompareProgress {
  index: number;
  done: number;
  total: number;
  start?: ZooStart;
  row?: ZooCompareRow;
}

/** The model's top-1 on x [1, ...] (the class an untargeted attack must leave) and its classes. */
async function cleanTop(f: LogitsFn, x: tf.Tensor): Promise<{ label: number; classes: number }> {
  const logits = tf.tidy(() => f(x));
  const values = await logits.data().finally(() => logits.dispose());
  return { label: argMax(values), classes: values.length };
}

/** Runs a comparison inside a worker job: progress per iteration and per row, pauses, cancel. */
export async function compareInJob(
  f: LogitsFn,
  x: tf.Tensor,
  request: Omit<ZooCompareRequest, "label" | "target"> & { target: number | null },
  job: {
    signal?: AbortSignal;
    progress(p: ZooCompareProgress): void;
    /** Awaited between iterations (a worker job's checkpoint); a throw stops the comparison. */
    between?: () => Promise<void>;
  },
): Promise<ZooComparison> {
  const { label, classes } = await cleanTop(f, x);
  const image = tf.tidy(() => tf.squeeze(x, [0]) as tf.Tensor3D);
  const cleanRgba = await toRgbaBytes(image).finally(() => image.dispose());
  // No target given: the class after the clean answer (the digits' convention).
  const target = request.target ?? (label + 1) % classes;
  job.progress({ index: 0, done: 0, total: 1, start: { label, target, cleanRgba } });
  const control = (index: number): IterationControl => ({
    signal: job.signal,
    onStep: (done, total) => job.progress({ index, done, total }),
    between: job.between,
  });
  const onRow = (row: ZooCompareRow, index: number) =>
    job.progress({ index, done: 1, total: 1, row });
  const rows = await compareAttacks(f, x, { ...request, label, target }, control, onRow);
  return { label, target, cleanRgba, rows };
}
