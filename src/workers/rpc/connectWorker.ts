import { type Client, createClient } from "./client";
import type { Api, Endpoint, FromWorkerMessage, ToWorkerMessage } from "./protocol";

/** A client whose worker can be stopped (after a lost WebGL context it is replaced). */
export type WorkerClient<A extends Api> = Client<A> & { close(): void };

/** The page's client of a started Worker; if the worker dies, every waiting call says so. */
export function connectWorker<A extends Api>(worker: Worker, what: string): WorkerClient<A> {
  const client = createClient<A>(
    worker as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
  );
  worker.onerror = (event) =>
    client.failAll(`The ${what} stopped: ${event.message || "it could not start"}.`);
  return {
    ...client,
    close() {
      worker.terminate();
      client.failAll(`The ${what} was restarted.`);
    },
  };
}
