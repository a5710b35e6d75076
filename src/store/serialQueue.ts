/**
 * Runs async jobs one after another. Everything that touches the engine's
 * tensors goes through one queue, so a model swap can never dispose a tensor
 * that a running attack still reads.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<R>(job: () => Promise<R>): Promise<R> {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
