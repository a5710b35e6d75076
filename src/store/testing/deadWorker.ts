/** Test-only: a worker whose script never ran. Its calls reject as connectWorker's do after `onerror`. */

import type { Api } from "../../workers/rpc/protocol";
import type { SessionClient } from "../workerSession";

export const deadWorker = <A extends Api>(what: string): SessionClient<A> => ({
  call: () => Promise.reject(new Error(`The ${what} stopped: it could not start.`)),
  failAll: () => undefined,
  ping: () => 0,
  isAlive: () => false,
  close: () => undefined,
});
