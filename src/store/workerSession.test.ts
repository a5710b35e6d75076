import { describe, expect, it } from "vitest";
import { RemoteError } from "../workers/rpc/client";
import { inProcess } from "../workers/rpc/testing/inProcess";
import { type SessionClient, workerSession } from "./workerSession";

type EchoApi = {
  start: { args: null; result: string; progress: never };
  echo: { args: string; result: string; progress: never };
};

/**
 * In-process workers that count how often they are made. `fault(n)` decides worker n's start:
 * "died" (its script never ran: calls reject as connectWorker's do), "refused" (its start
 * handler threw, the first time only: a RemoteError) or null.
 */
function workers(fault: (n: number) => "died" | "refused" | null) {
  let made = 0;
  let refusals = 0;
  const closed: number[] = [];
  const alive: boolean[] = [];
  const deaths: ((message: string) => void)[] = [];
  const makeClient = (): SessionClient<EchoApi> => {
    const n = ++made;
    const f = fault(n);
    alive[n] = true;
    const { client, close } = inProcess<EchoApi>({
      async start() {
        if (f === "refused" && refusals++ === 0) throw new Error("no backend");
        return `worker ${n}`;
      },
      async echo(text) {
        return `${text} from ${n}`;
      },
    });
    const died = f === "died";
    const whenDead = new Promise<string>((resolve) => {
      deaths[n] = resolve;
    });
    if (died) deaths[n]("The test worker stopped: it could not start.");
    return {
      whenDead,
      call: died
        ? () => Promise.reject(new Error("The test worker stopped: it could not start."))
        : client.call,
      failAll: client.failAll,
      ping: client.ping,
      isAlive: () => alive[n],
      close() {
        closed.push(n);
        close();
      },
    };
  };
  const kill = (n: number) => {
    alive[n] = false;
    deaths[n]("The test worker stopped answering.");
  };
  return { makeClient, made: () => made, closed, kill };
}

const startWith = (call: SessionClient<EchoApi>["call"]) => call("start", null);

describe("workerSession", () => {
  it("makes the worker on first use and starts it once", async () => {
    const w = workers(() => null);
    const session = workerSession(w.makeClient, startWith);
    expect(w.made()).toBe(0);
    const [a, b] = await Promise.all([session.call("echo", "x"), session.call("echo", "y")]);
    expect([a, b]).toEqual(["x from 1", "y from 1"]);
    expect(await session.ready()).toBe("worker 1");
    expect(w.made()).toBe(1);
    expect(session.epoch()).toBe(1);
  });

  it("a worker that never came up: every waiting call rejects with its words; the next call makes a fresh one", async () => {
    const w = workers((n) => (n === 1 ? "died" : null));
    const session = workerSession(w.makeClient, startWith);
    const waiting = [session.call("echo", "x"), session.call("echo", "y")];
    for (const call of waiting) await expect(call).rejects.toThrow(/could not start/);
    expect(w.closed).toEqual([1]);
    expect(await session.call("echo", "again")).toBe("again from 2");
    expect(session.epoch()).toBe(2);
  });

  it("a start the worker itself refused is tried again on the same worker", async () => {
    const w = workers(() => "refused");
    const session = workerSession(w.makeClient, startWith);
    await expect(session.ready()).rejects.toThrow(RemoteError);
    expect(await session.call("echo", "x")).toBe("x from 1");
    expect(w.made()).toBe(1);
  });

  it("a worker that died is replaced on the next call, under a new epoch", async () => {
    const w = workers(() => null);
    const session = workerSession(w.makeClient, startWith);
    await session.ready();
    w.kill(1);
    expect(await session.call("echo", "x")).toBe("x from 2");
    expect(w.closed).toEqual([1]);
    expect(session.epoch()).toBe(2);
  });

  it("restart: a fresh worker, started again; tell reaches only a started worker", async () => {
    const w = workers(() => null);
    const session = workerSession(w.makeClient, startWith);
    await expect(session.tell("echo", "early")).rejects.toThrow(/not started/);
    expect(w.made()).toBe(0);
    await session.ready();
    expect(await session.tell("echo", "now")).toBe("now from 1");
    expect(await session.restart()).toBe("worker 2");
    expect(w.closed).toEqual([1]);
  });

  it("tells the store once when a started worker dies, with what happened; not for a failed start or a restart", async () => {
    const w = workers((n) => (n === 1 ? "died" : null));
    const heard: string[] = [];
    const session = workerSession(w.makeClient, startWith, (err, epoch) =>
      heard.push(`${epoch}: ${err.message}`),
    );
    await expect(session.ready()).rejects.toThrow(/could not start/);
    await session.ready();
    await session.restart();
    w.kill(2);
    w.kill(3);
    await Promise.resolve();
    expect(heard).toEqual(["3: The test worker stopped answering."]);
  });
});
