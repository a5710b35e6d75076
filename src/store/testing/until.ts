/** Test-only: resolves once `test` holds for the store's state (polled every 20 ms), or rejects. */
export function until<S>(
  store: { getState(): S },
  test: (s: S) => boolean,
  timeoutMs = 90_000,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (test(store.getState())) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("timed out"));
      else setTimeout(poll, 20);
    };
    poll();
  });
}
