import { isAbort } from "../engine/abort";

/**
 * Wraps an async job so that, while one run is in flight, newer calls do not
 * queue up: only the most recent argument is kept and runs next. A cheap run in
 * flight is allowed to finish (so a dragged slider keeps showing results); an
 * expensive one can be pre-empted through its AbortSignal. Stale requests are
 * dropped, never queued.
 */
export function latestOnly<T>(job: (arg: T, signal: AbortSignal) => Promise<void>) {
  let inFlight: AbortController | null = null;
  let next: { arg: T } | null = null;

  async function pump(arg: T): Promise<void> {
    inFlight = new AbortController();
    try {
      await job(arg, inFlight.signal);
    } catch (err) {
      if (!isAbort(err)) throw err;
    } finally {
      inFlight = null;
    }
    const pending = next;
    next = null;
    if (pending) await pump(pending.arg);
  }

  return {
    /** Runs `arg` now, or replaces whatever was waiting; `preempt` also stops the run in flight. */
    request(arg: T, preempt = false): Promise<void> | undefined {
      if (inFlight) {
        next = { arg };
        if (preempt) inFlight.abort();
        return undefined;
      }
      return pump(arg);
    },
    /** Drops what is waiting and stops what is running. */
    cancel(): void {
      next = null;
      inFlight?.abort();
    },
  };
}
