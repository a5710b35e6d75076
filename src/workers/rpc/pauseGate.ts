import { abortError } from "../../engine/abort";

/**
 * Pause and resume for a long job in a worker: the job calls `wait` between steps; a "control"
 * call sets `paused`. Waiting costs nothing (no polling): resuming or the job's abort wakes it.
 */
export class PauseGate {
  private paused = false;
  private wake: (() => void) | null = null;

  set(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.wake?.();
  }

  /**
   * Returns at once unless paused; then calls `onPause` and waits for a resume, or throws
   * AbortError (`what`) if `signal` aborts meanwhile.
   */
  async wait(signal: AbortSignal, what: string, onPause?: () => void): Promise<void> {
    if (!this.paused) return;
    onPause?.();
    const stop = () => this.wake?.();
    signal.addEventListener("abort", stop);
    try {
      while (this.paused && !signal.aborted) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      this.wake = null;
      signal.removeEventListener("abort", stop);
    }
    if (signal.aborted) throw abortError(what);
  }
}
