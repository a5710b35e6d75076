import * as tf from "@tensorflow/tfjs-core";
import type { LogitsFn } from "../../types";
import { crossEntropy } from "../loss";

/** One point of an attack's trace, for the first example of its batch. */
export interface TracePoint {
  /** Iterations done. */
  step: number;
  /** Cross-entropy of the label the attack is about: the true class (rising) or its target (falling). */
  loss: number;
  /** Size of the change so far, in [0,1] units. */
  l2: number;
  linf: number;
}

/** Most points a trace keeps: iterations are sampled evenly beyond this (the last always kept). */
export const TRACE_POINTS = 40;

/**
 * Records a trace while an attack runs: `observe` goes into the attack's IterationControl and
 * queues each sampled iterate's loss and size on the backend (no read-back while it runs);
 * `read` fetches them once at the end. `f` should be the uncounted model: a trace's forward
 * passes are the page's, not the attack's.
 */
export function traceRecorder(f: LogitsFn, x: tf.Tensor, label: number) {
  const queued: { step: number; values: tf.Tensor1D }[] = [];
  const first = tf.slice(x, 0, 1);
  const observe = (current: tf.Tensor, done: number, total: number) => {
    const stride = Math.ceil(total / TRACE_POINTS);
    if (done % stride !== 0 && done !== total) return;
    const values = tf.tidy(() => {
      const now = tf.slice(current, 0, 1);
      const d = tf.reshape(tf.sub(now, first), [-1]);
      const loss = crossEntropy(f(now), [label]);
      return tf.concat([
        tf.reshape(loss, [1]),
        tf.reshape(tf.norm(d), [1]),
        tf.reshape(tf.max(tf.abs(d)), [1]),
      ]);
    }) as tf.Tensor1D;
    queued.push({ step: done, values });
  };
  const read = async (): Promise<TracePoint[]> => {
    try {
      const all = await Promise.all(queued.map((q) => q.values.data()));
      return queued.map((q, i) => ({
        step: q.step,
        loss: all[i][0],
        l2: all[i][1],
        linf: all[i][2],
      }));
    } finally {
      dispose();
    }
  };
  const dispose = () => {
    tf.dispose(queued.map((q) => q.values));
    queued.length = 0;
    first.dispose();
  };
  return { observe, read, dispose };
}
