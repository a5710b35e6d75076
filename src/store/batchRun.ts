import { isAbort } from "../engine/abort";
import { errorMessage } from "../engine/errorMessage";
import { MODEL_CHANGED } from "../workers/rpc/modelSlot";

/** Why a job stopped that nobody stopped: the worker swapped its model (else null: a Stop). */
const stopReason = (err: unknown): string | null =>
  err instanceof Error && err.message === MODEL_CHANGED
    ? "Stopped: the model changed meanwhile (retrained or restored). Run it again for the new one."
    : null;

/** A long job's state on screen: how far it got, what it has so far, and how it ended. */
export interface BatchRun<R> {
  status: "running" | "done" | "cancelled" | "error";
  done: number;
  total: number;
  /** The result so far (a partial one while running, when the job reports one). */
  result: R | null;
  message: string | null;
}

/** What a job reports on the way: its progress, and its result so far if it has one. */
export interface BatchProgress<R> {
  done: number;
  total: number;
  partial?: R;
}

/**
 * One long job at a time for one field of a store: a new run cancels the one before, and only
 * the current run's reports and ending reach the field (a cancelled run's late replies are
 * dropped here too, not only in the worker protocol).
 */
export function batchRunner<R>(write: (run: BatchRun<R>) => void) {
  let current: AbortController | null = null;
  return {
    /** Starts `job` (given its signal and a progress callback); resolves when it has ended. */
    async run(
      total: number,
      job: (signal: AbortSignal, report: (p: BatchProgress<R>) => void) => Promise<R>,
    ): Promise<void> {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      let run: BatchRun<R> = { status: "running", done: 0, total, result: null, message: null };
      const patch = (p: Partial<BatchRun<R>>) => {
        if (current !== mine) return;
        run = { ...run, ...p };
        write(run);
      };
      write(run);
      try {
        const result = await job(mine.signal, ({ done, total, partial }) =>
          patch({ done, total, ...(partial === undefined ? {} : { result: partial }) }),
        );
        patch({ status: "done", done: run.total, result });
      } catch (err) {
        patch(
          isAbort(err)
            ? { status: "cancelled", message: stopReason(err) }
            : { status: "error", message: errorMessage(err) },
        );
      } finally {
        if (current === mine) current = null;
      }
    },
    cancel(): void {
      current?.abort();
    },
  };
}
