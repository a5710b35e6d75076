import { abortError } from "../../engine/abort";
import type { Api, Endpoint, FromWorkerMessage, Priority, ToWorkerMessage } from "./protocol";

export interface CallOptions<Progress> {
  /** Default "interactive". */
  priority?: Priority;
  /** Aborting cancels the job in the worker; the call rejects with AbortError at once. */
  signal?: AbortSignal;
  onProgress?: (update: Progress) => void;
}

export interface Client<A extends Api> {
  call<M extends keyof A & string>(
    method: M,
    args: A[M]["args"],
    options?: CallOptions<A[M]["progress"]>,
  ): Promise<A[M]["result"]>;
  /** Rejects every waiting call with `message` (the worker died or could not start). */
  failAll(message: string): void;
  /**
   * Asks the worker whether it is there, and tells how long it has been silent while calls
   * waited (ms; 0 when none waits). A worker that closed or crashed is silent for good.
   */
  ping(): number;
}

/** A handler's failure, as the page sees it: its words, and its `kind` if it had one. */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "RemoteError";
  }
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: unknown): void;
  onProgress?: (update: never) => void;
}

/**
 * The page's side of a compute worker. Each call gets a fresh job id; a reply whose id is no
 * longer waiting (its call was cancelled) is dropped, so a stale result can never land.
 */
export function createClient<A extends Api>(
  endpoint: Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
): Client<A> {
  let lastId = 0;
  const waiting = new Map<number, Waiting>();
  /** When the worker last said anything, or the first of the waiting calls was sent. */
  let heard = Date.now();

  endpoint.onmessage = ({ data }) => {
    heard = Date.now();
    if (data.kind === "pong") return;
    const call = waiting.get(data.id);
    if (!call) return;
    if (data.kind === "progress") {
      call.onProgress?.(data.progress as never);
      return;
    }
    waiting.delete(data.id);
    if (data.kind === "result") call.resolve(data.result);
    else
      call.reject(
        data.aborted ? abortError(data.message) : new RemoteError(data.message, data.code),
      );
  };

  return {
    call(method, args, { priority = "interactive", signal, onProgress } = {}) {
      const id = ++lastId;
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        if (waiting.size === 0) heard = Date.now();
        waiting.set(id, { resolve, reject, onProgress });
        signal?.addEventListener(
          "abort",
          () => {
            if (!waiting.delete(id)) return;
            endpoint.postMessage({ kind: "cancel", id });
            reject(abortError());
          },
          { once: true },
        );
        endpoint.postMessage({ kind: "call", id, method, args, priority } as ToWorkerMessage<A>);
      });
    },
    failAll(message) {
      for (const call of waiting.values()) call.reject(new Error(message));
      waiting.clear();
    },
    ping() {
      if (waiting.size === 0) return 0;
      endpoint.postMessage({ kind: "ping" });
      return Date.now() - heard;
    },
  };
}
