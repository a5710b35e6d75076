import { type Client, RemoteError } from "../workers/rpc/client";
import type { Api } from "../workers/rpc/protocol";

/** A connected worker: its calls, and for a real Worker how to stop it and whether it died. */
export type SessionClient<A extends Api> = Client<A> & {
  close?(): void;
  /** False once the worker has stopped by itself (its script failed, or it crashed). */
  isAlive?(): boolean;
  /** Resolves with what happened once the worker has stopped by itself. */
  whenDead?: Promise<string>;
};

type Call<A extends Api> = Client<A>["call"];

/**
 * The one way a store reaches its worker. The worker is made on first use and started once
 * (`start`: its backend, its data); a failed start is forgotten, so the next call tries again,
 * and every call waiting on it rejects with the start's own words (none waits forever). A
 * worker that died is replaced on the next call (and `onDeath` hears of it, with what happened,
 * for the store to say so and recompute); `epoch` counts the workers started, so a store can
 * tell a reply or a status of an old worker from the current one's.
 */
export interface WorkerSession<A extends Api, S> {
  /** Resolves with the start's result once the worker is up; starts it if need be. */
  ready(): Promise<S>;
  /** One job, once the worker is up. */
  call: Call<A>;
  /** A message for a worker already started (pause, speed); dropped if none is. */
  tell: Call<A>;
  /** A fresh worker, started again (the old one's waiting calls reject). */
  restart(): Promise<S>;
  /** How many workers this session has made (0: none yet). */
  epoch(): number;
}

export function workerSession<A extends Api, S>(
  makeClient: () => SessionClient<A>,
  start: (call: Call<A>, epoch: number) => Promise<S>,
  onDeath?: (err: Error, epoch: number) => void,
): WorkerSession<A, S> {
  let client: SessionClient<A> | null = null;
  let started: Promise<S> | null = null;
  let epoch = 0;
  /** The last epoch whose start succeeded: only a worker that was up can die mid-job. */
  let up = 0;

  const drop = () => {
    client?.close?.();
    client = null;
    started = null;
  };

  function ready(): Promise<S> {
    if (client && client.isAlive?.() === false) drop();
    if (started) return started;
    if (!client) {
      client = makeClient();
      const mine = ++epoch;
      client.whenDead?.then((message) => {
        if (epoch === mine && up === mine) onDeath?.(new Error(message), mine);
      });
    }
    const attempt = start(client.call, epoch);
    const mine = epoch;
    started = attempt;
    attempt.then(
      () => {
        if (started === attempt) up = mine;
      },
      () => undefined,
    );
    attempt.catch((err) => {
      if (started !== attempt) return;
      // A handler's failure came from a live worker; anything else means it never came up.
      if (err instanceof RemoteError) started = null;
      else drop();
    });
    return attempt;
  }

  return {
    ready,
    async call(method, args, options) {
      await ready();
      if (!client) throw new Error("The worker stopped before the job could start.");
      return client.call(method, args, options);
    },
    async tell(method, args, options) {
      if (!started || !client) throw new Error("The worker has not started.");
      return client.call(method, args, options);
    },
    restart() {
      drop();
      return ready();
    },
    epoch: () => epoch,
  };
}
