import { type JobFields, jobRunner } from "./jobSlot";

/** A long job's state on screen: how far it got, what it has so far, and how it ended. */
export interface BatchRun<R> extends JobFields {
  /** The result so far (a partial one while running, when the job reports one). */
  result: R | null;
}

/** What a job reports on the way: its progress, and its result so far if it has one. */
export interface BatchProgress<R> {
  done: number;
  total: number;
  partial?: R;
}

/**
 * A job slot whose field is a whole BatchRun: for jobs that return one result and report
 * progress (and partial results) on the way. `hold` as in jobRunner.
 */
export function batchRunner<R>(
  write: (run: BatchRun<R>) => void,
  hold?: (paused: boolean) => Promise<unknown>,
) {
  let current: BatchRun<R> | null = null;
  const runner = jobRunner<BatchRun<R>>(
    () => current,
    (run) => {
      current = run;
      write(run);
    },
    hold,
  );
  return {
    /** Starts `job` (given its signal and a progress callback); resolves when it has ended. */
    run(
      total: number,
      job: (signal: AbortSignal, report: (p: BatchProgress<R>) => void) => Promise<R>,
    ): Promise<void> {
      const initial = { status: "running" as const, done: 0, total, result: null, message: null };
      return runner.run(initial, async ({ signal }, patch) => {
        const result = await job(signal, ({ done, total, partial }) =>
          patch({ done, total, ...(partial === undefined ? {} : { result: partial }) }),
        );
        return { result };
      });
    },
    cancel: () => runner.stop(),
    pause: runner.pause,
    resume: runner.resume,
  };
}
