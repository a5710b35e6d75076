import type * as tf from "@tensorflow/tfjs-core";
import { yieldToBrowser } from "../../lib/yieldToBrowser";
import { abortError } from "../abort";

/** Cancellation and progress hooks of an iterative attack run asynchronously. */
export interface IterationControl {
  /** Aborting rejects the promise with a DOMException named "AbortError". */
  signal?: AbortSignal;
  /** Called after each iteration with (iterations done, total iterations). */
  onStep?: (done: number, total: number) => void;
  /**
   * Awaited between iterations (default: yieldToBrowser). A worker passes its job checkpoint,
   * so waiting requests run between steps; a throw stops the attack like an abort does.
   */
  between?: () => Promise<void>;
  /** Sees each iterate (owned by the attack: read it, do not keep it), e.g. to record a trace. */
  observe?: (current: tf.Tensor, done: number, total: number) => void;
}

/**
 * The pause between two iterations of an attack that runs its own loop: shows the iterate to
 * `observe`, reports progress, awaits `between` and stops with an AbortError if asked to.
 */
export async function checkpoint(
  control: IterationControl,
  what: string,
  current: tf.Tensor,
  done: number,
  total: number,
): Promise<void> {
  const { signal, onStep, observe, between = yieldToBrowser } = control;
  observe?.(current, done, total);
  onStep?.(done, total);
  await between();
  if (signal?.aborted) throw abortError(`${what} was aborted.`);
}

/** What `iterate` yields after each iteration: the iterate (still owned by it) and the count. */
export interface Iterate {
  current: tf.Tensor;
  done: number;
}

/**
 * `count` iterations of `step` from `first` (owned), as a generator: yields the iterate and
 * the number done after each and returns the last iterate. Stopping it early (`return()`, or a throw) disposes
 * the current iterate, so the synchronous and asynchronous runs share one loop.
 */
export function* iterate(
  first: tf.Tensor,
  count: number,
  step: (x: tf.Tensor) => tf.Tensor,
): Generator<Iterate, tf.Tensor, void> {
  let current = first;
  let finished = false;
  try {
    for (let i = 0; i < count; i++) {
      const next = step(current);
      current.dispose();
      current = next;
      yield { current, done: i + 1 };
    }
    finished = true;
    return current;
  } finally {
    if (!finished) current.dispose();
  }
}

/** Runs the iterations to the end on this thread. */
export function runIterations(steps: Generator<Iterate, tf.Tensor, void>): tf.Tensor {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the iterations, awaiting `control.between` after each; `what` names it in an abort. */
export async function runIterationsAsync(
  steps: Generator<Iterate, tf.Tensor, void>,
  total: number,
  control: IterationControl,
  what: string,
): Promise<tf.Tensor> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    try {
      await checkpoint(control, what, r.value.current, r.value.done, total);
    } catch (error) {
      steps.return(undefined as never); // disposes the current iterate
      throw error;
    }
  }
}
