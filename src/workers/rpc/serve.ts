import { isAbort, throwIfAborted } from "../../engine/abort";
import { errorMessage } from "../../lib/errorMessage";
import { yieldToBrowser } from "../../lib/yieldToBrowser";
import type { Api, CallMessage, Endpoint, FromWorkerMessage, ToWorkerMessage } from "./protocol";
import { Turns } from "./turns";

/** What a handler gets besides its arguments. */
export interface Job<Progress> {
  signal: AbortSignal;
  /** Reports on the way (dropped by the page once the job is cancelled). */
  progress(update: Progress): void;
  /**
   * Between chunks of long work: lets the worker take new messages, lets waiting jobs run
   * (interactive ones first), then throws AbortError if this job was cancelled meanwhile.
   */
  checkpoint(): Promise<void>;
  /** Runs tensor work of an "io" job in a turn of its own (other jobs already hold one). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export type Handlers<A extends Api> = {
  [M in keyof A]: (args: A[M]["args"], job: Job<A[M]["progress"]>) => Promise<A[M]["result"]>;
};

/** Answers calls arriving at `endpoint` with `handlers`, one job at a time (see Turns). */
export function serve<A extends Api>(
  endpoint: Endpoint<ToWorkerMessage<A>, FromWorkerMessage>,
  handlers: Handlers<A>,
): void {
  const turns = new Turns();
  const running = new Map<number, AbortController>();
  const post = (message: FromWorkerMessage) => endpoint.postMessage(message);

  async function run(call: CallMessage<A>): Promise<void> {
    const { id, priority } = call;
    const controller = new AbortController();
    running.set(id, controller);
    const { signal } = controller;
    const turn = priority !== "control" && priority !== "io";
    if (turn) await turns.acquire(priority);
    try {
      throwIfAborted(signal);
      const job: Job<unknown> = {
        signal,
        progress: (progress) => post({ kind: "progress", id, progress }),
        async checkpoint() {
          // Messages are taken while this job still holds the turn, so a cancel that came
          // meanwhile stops it here, before anyone else runs; new calls wait their turn.
          await yieldToBrowser();
          throwIfAborted(signal);
          if (turn) await turns.pass(priority);
          throwIfAborted(signal);
        },
        async exclusive(work) {
          if (turn) return work();
          await turns.acquire("interactive");
          try {
            throwIfAborted(signal);
            return await work();
          } finally {
            turns.release();
          }
        },
      };
      const handler = handlers[call.method] as (args: unknown, job: Job<unknown>) => unknown;
      post({ kind: "result", id, result: await handler(call.args, job) });
    } catch (error) {
      const code = (error as { kind?: unknown } | null)?.kind;
      post({
        kind: "error",
        id,
        message: errorMessage(error),
        aborted: isAbort(error),
        code: typeof code === "string" ? code : undefined,
      });
    } finally {
      running.delete(id);
      if (turn) turns.release();
    }
  }

  endpoint.onmessage = ({ data }) => {
    if (data.kind === "cancel") running.get(data.id)?.abort();
    else if (data.kind === "ping") post({ kind: "pong" });
    else void run(data);
  };
}
