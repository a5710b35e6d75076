import { isAbort } from "../engine/abort";
import { errorMessage } from "../lib/errorMessage";
import { MODEL_CHANGED } from "../workers/rpc/modelSlot";

/**
 * Where a long job stands, the one status every store's jobs share. "paused": held by the
 * reader (or by the page, e.g. out of view), to go on later.
 */
export type JobStatus = "idle" | "running" | "paused" | "done" | "cancelled" | "error";

/** What every long job's state on screen carries, beside its own fields. */
export interface JobFields {
  status: JobStatus;
  done: number;
  total: number;
  /** Why it failed, or why it was stopped when nobody pressed Stop; else null. */
  message: string | null;
}

/** One run of a slot: the signal its worker calls take, and whether it is still the slot's run. */
export interface JobToken {
  readonly signal: AbortSignal;
  isCurrent(): boolean;
}

/** How a job that threw ended: cancelled (by a Stop, or by the worker with its reason) or failed. */
export function jobEnding(err: unknown): Pick<JobFields, "status" | "message"> {
  if (!isAbort(err)) return { status: "error", message: errorMessage(err) };
  const modelChanged = err instanceof Error && err.message === MODEL_CHANGED;
  return {
    status: "cancelled",
    message: modelChanged
      ? "Stopped: the model changed meanwhile (retrained or restored). Run it again for the new one."
      : null,
  };
}

/**
 * One job at a time: `begin` aborts the run before and hands out the new run's token;
 * `cancel` aborts the current run, whose token stops being current at once.
 */
export function jobSlot() {
  let current: AbortController | null = null;
  return {
    begin(): JobToken {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      return { signal: mine.signal, isCurrent: () => current === mine };
    },
    cancel(): void {
      const mine = current;
      current = null;
      mine?.abort();
    },
  };
}

/** A job's body: it reports through `patch` and returns its last fields (status becomes "done"). */
export type JobBody<S> = (
  token: JobToken,
  patch: (p: Partial<S>) => void,
) => Promise<Partial<S> | undefined>;

/**
 * A job slot for one field of a store (`read` / `write` it), whose value carries JobFields:
 * only the current run's reports and ending reach the field. `hold(paused)`, when given, asks
 * the worker to hold or go on; `pause` and `resume` then show it.
 */
export function jobRunner<S extends JobFields>(
  read: () => S | null,
  write: (s: S) => void,
  hold?: (paused: boolean) => Promise<unknown>,
) {
  const slot = jobSlot();
  let live: JobToken | null = null;
  const patchIf = (token: JobToken | null, p: Partial<S>) => {
    const s = read();
    if (s && token?.isCurrent()) write({ ...s, ...p });
  };
  const active = () => {
    const status = read()?.status;
    return live?.isCurrent() === true && (status === "running" || status === "paused");
  };
  const setHeld = (paused: boolean) => {
    if (!active() || (read()?.status === "paused") === paused) return;
    patchIf(live, { status: paused ? "paused" : "running" } as Partial<S>);
    hold?.(paused).catch(() => undefined);
  };
  return {
    /** Starts `body` with `initial` on screen (a run in progress stops); resolves when it ended. */
    async run(initial: S, body: JobBody<S>): Promise<void> {
      const token = slot.begin();
      live = token;
      write(initial);
      const patch = (p: Partial<S>) => patchIf(token, p);
      try {
        const last = await body(token, patch);
        patch({ done: read()?.total, ...last, status: "done" } as Partial<S>);
      } catch (err) {
        patch(jobEnding(err) as Partial<S>);
      }
    },
    /**
     * Stops the run now, shown as `as`: "cancelled", or "paused" for a job the page runs again
     * later instead of holding it in the worker. Its late reports are dropped.
     */
    stop(as: "cancelled" | "paused" = "cancelled"): void {
      if (active()) patchIf(live, { status: as, message: null } as Partial<S>);
      slot.cancel();
    },
    pause: () => setHeld(true),
    resume: () => setHeld(false),
    /** True while a run is on and not yet ended (running or paused). */
    active,
  };
}
