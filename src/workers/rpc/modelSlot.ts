import { abortError } from "../../engine/abort";
import type { Job } from "./serve";

/** How a job that held a model ends once the model is swapped out. */
export const MODEL_CHANGED = "Cancelled: the model changed.";

/**
 * A model a worker keeps (a digit model, a VAE, a base classifier). A job that reads it across
 * checkpoints holds it (`holding`); adopting a new model stops those jobs, then frees the old
 * one. A worker runs one job at a time, so a holder is suspended at a checkpoint while another
 * job adopts, and its next checkpoint throws before it reads the freed model.
 */
export class ModelSlot<T> {
  private model: T | null = null;
  private swapped = new AbortController();

  constructor(
    private readonly what: string,
    private readonly free: (model: T) => void,
  ) {}

  /** The model in the slot (throws if there is none yet). */
  get(): T {
    if (this.model === null) throw new Error(`${this.what} is not loaded yet.`);
    return this.model;
  }

  has(): boolean {
    return this.model !== null;
  }

  /** Aborts when the model in the slot now is replaced. */
  signal(): AbortSignal {
    return this.swapped.signal;
  }

  /**
   * Stops the jobs that hold the old model, frees it, and puts `next` in; returns the signal
   * that aborts when `next` is replaced in turn.
   */
  adopt(next: T): AbortSignal {
    this.swapped.abort(abortError(MODEL_CHANGED));
    this.swapped = new AbortController();
    const old = this.model;
    this.model = next;
    if (old !== null && old !== next) this.free(old);
    return this.swapped.signal;
  }
}

/**
 * `job`'s checkpoint for a job that holds the models in `slots` as they are now: after the
 * job's own checkpoint, it throws AbortError (MODEL_CHANGED) if any of them was replaced.
 */
export function holding(
  job: Job<never>,
  ...slots: Pick<ModelSlot<unknown>, "signal">[]
): () => Promise<void> {
  const signals = slots.map((slot) => slot.signal());
  return async () => {
    await job.checkpoint();
    if (signals.some((s) => s.aborted)) throw abortError(MODEL_CHANGED);
  };
}
