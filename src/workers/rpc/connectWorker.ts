import { type Client, createClient } from "./client";
import type { Api, Endpoint, FromWorkerMessage, ToWorkerMessage } from "./protocol";

/** The page's client of a started Worker; if the worker dies, every waiting call says so. */
export function connectWorker<A extends Api>(worker: Worker, what: string): Client<A> {
  const client = createClient<A>(
    worker as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<A>>,
  );
  worker.onerror = (event) =>
    client.failAll(`The ${what} stopped: ${event.message || "it could not start"}.`);
  return client;
}
