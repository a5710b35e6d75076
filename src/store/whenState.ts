import type { StoreApi } from "zustand";
import { abortError } from "../engine/abort";

/**
 * Resolves with `pick(state)` once it is defined, now or after a later change of `store`;
 * rejects with what `pick` throws (the awaited state will not come), or when `signal` aborts.
 */
export function whenState<S, T>(
  store: StoreApi<S>,
  pick: (state: S) => T | undefined,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stop = () => {};
    const end = (settle: () => void) => {
      stop();
      signal.removeEventListener("abort", onAbort);
      settle();
    };
    const onAbort = () => end(() => reject(abortError()));
    const check = (state: S): boolean => {
      try {
        const value = pick(state);
        if (value === undefined) return false;
        end(() => resolve(value));
      } catch (err) {
        end(() => reject(err));
      }
      return true;
    };
    if (signal.aborted) return reject(abortError());
    if (check(store.getState())) return;
    signal.addEventListener("abort", onAbort, { once: true });
    stop = store.subscribe((state) => void check(state));
  });
}
