/** Cancelling long work: the one error an aborted job rejects with, and the test for it. */
export function abortError(what = "Cancelled"): DOMException {
  return new DOMException(what, "AbortError");
}

/** True for the errors an AbortSignal (or `abortError`) produces. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) &&
    (error as { name: string }).name === "AbortError"
  );
}

/** Throws `abortError(what)` if `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) throw abortError(what);
}
