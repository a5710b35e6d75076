import { type Client, createClient } from "./client";
import type { Api, Endpoint, FromWorkerMessage, ToWorkerMessage } from "./protocol";

/** A client whose worker can be stopped (after a lost WebGL context it is replaced). */
export type WorkerClient<A extends Api> = Client<A> & {
  close(): void;
  /** False once the worker has failed by itself (its script did not load, or it crashed). */
  isAlive(): boolean;
  /** Resolves with what happened once the worker has failed by itself (never after `close`). */
  whenDead: Promise<string>;
};

/** How often a worker with calls waiting is asked whether it is there. */
const PING_MS = 2_000;
/**
 * Silence, while calls wait, after which a worker counts as dead. A worker answers between
 * the chunks of its jobs; its longest step without one (a model's first run, compiling its
 * programs) takes seconds. A worker that closed, crashed or ran out of memory never answers,
 * and no event says so.
 */
export const SILENT_MS = 30_000;

/**
 * The page's client of a started Worker; if the worker dies (an error event, or silence while
 * calls wait), every waiting call says so, and `isAlive` turns false.
 */
export function connectWorker<A extends Api>(
  worker: Worker,
  what: string,
  silentMs = SILENT_MS,
): WorkerClient<A> {
  const client = createClient<A>(
    worker as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
  );
  let alive = true;
  let dead: (message: string) => void = () => undefined;
  const whenDead = new Promise<string>((resolve) => {
    dead = resolve;
  });
  const die = (message: string) => {
    if (!alive) return;
    alive = false;
    dead(message);
    clearInterval(watch);
    worker.terminate();
    client.failAll(message);
  };
  const watch = setInterval(
    () => {
      if (client.ping() > silentMs)
        die(`The ${what} stopped answering (it may have run out of memory).`);
    },
    Math.min(PING_MS, silentMs / 4),
  );
  worker.onerror = (event) => die(`The ${what} stopped: ${event.message || "it could not start"}.`);
  return {
    ...client,
    isAlive: () => alive,
    whenDead,
    close() {
      clearInterval(watch);
      worker.terminate();
      client.failAll(`The ${what} was restarted.`);
    },
  };
}
