import { type Client, createClient } from "./client";
import type { Api, Endpoint, FromWorkerMessage, ToWorkerMessage } from "./protocol";

/** A client whose worker can be stopped (after a lost WebGL context it is replaced). */
export type WorkerClient<A extends Api> = Client<A> & {
  close(): void;
  /** False once the worker has failed by itself (its script did not load, or it crashed). */
  isAlive(): boolean;
};

/** The page's client of a started Worker; if the worker dies, every waiting call says so. */
export function connectWorker<A extends Api>(worker: Worker, what: string): WorkerClient<A> {
  const client = createClient<A>(
    worker as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
  );
  let alive = true;
  worker.onerror = (event) => {
    alive = false;
    client.failAll(`The ${what} stopped: ${event.message || "it could not start"}.`);
  };
  return {
    ...client,
    isAlive: () => alive,
    close() {
      worker.terminate();
      client.failAll(`The ${what} was restarted.`);
    },
  };
}
