import { afterEach, describe, expect, it } from "vitest";
import { connectWorker } from "./connectWorker";
import type { Endpoint, FromWorkerMessage, Method, ToWorkerMessage } from "./protocol";
import { serve } from "./serve";

type TestApi = {
  /** `chunks` chunks of `ms` each, a checkpoint between them. */
  batch: Method<{ chunks: number; ms: number }, string>;
  /** Closes the worker's end mid-job: from then on it never answers (as `self.close()`). */
  vanish: Method<null, never>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports) port.close();
  ports = [];
});

/** A Worker stand-in over a MessageChannel, served in-process; `terminated` once stopped. */
function fakeWorker() {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  serve<TestApi>(
    channel.port2 as unknown as Endpoint<ToWorkerMessage<TestApi>, FromWorkerMessage>,
    {
      batch: async ({ chunks, ms }, job) => {
        for (let i = 0; i < chunks; i++) {
          await sleep(ms);
          await job.checkpoint();
        }
        return "done";
      },
      vanish: async () => {
        channel.port2.onmessage = null;
        channel.port2.close();
        return new Promise<never>(() => {});
      },
    },
  );
  const state = { terminated: false };
  const worker = Object.assign(channel.port1, {
    terminate: () => {
      state.terminated = true;
    },
    onerror: null,
  }) as unknown as Worker;
  return { worker, state };
}

describe("connectWorker's watch on a silent worker", () => {
  it("keeps a worker that answers between the chunks of a job longer than the silence allowed", async () => {
    const { worker, state } = fakeWorker();
    const client = connectWorker<TestApi>(worker, "test worker", 300);
    await expect(client.call("batch", { chunks: 12, ms: 60 })).resolves.toBe("done");
    expect([client.isAlive(), state.terminated]).toEqual([true, false]);
    client.close();
  });

  it("does not count the time a worker was idle: a call after a long rest runs", async () => {
    const { worker } = fakeWorker();
    const client = connectWorker<TestApi>(worker, "test worker", 200);
    await sleep(500);
    await expect(client.call("batch", { chunks: 2, ms: 10 })).resolves.toBe("done");
    expect(client.isAlive()).toBe(true);
    client.close();
  });

  it("ends the calls of a worker that went silent mid-job, saying so, and stops it", async () => {
    const { worker, state } = fakeWorker();
    const client = connectWorker<TestApi>(worker, "test worker", 300);
    const t0 = Date.now();
    await expect(client.call("vanish", null)).rejects.toThrow(
      "The test worker stopped answering (it may have run out of memory).",
    );
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(2_000);
    expect([client.isAlive(), state.terminated]).toEqual([false, true]);
    await expect(client.whenDead).resolves.toMatch(/stopped answering/);
  });
});
