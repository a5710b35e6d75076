import { afterEach, describe, expect, it } from "vitest";
import { isAbort } from "../../engine/abort";
import { RemoteError } from "./client";
import type { Method } from "./protocol";
import type { Handlers } from "./serve";
import { inProcess } from "./testing/inProcess";

type TestApi = {
  echo: Method<string, string>;
  /** `chunks` chunks, each logged, with a checkpoint between them. */
  batch: Method<{ name: string; chunks: number }, string, number>;
  /** Ignores its signal: answers after `ms` whatever happens. */
  stubborn: Method<{ ms: number; value: number }, number, number>;
  fail: Method<null, never>;
  /** Waits `ms` outside any turn (a download), then logs its tensor work in a turn. */
  download: Method<{ ms: number }, string>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers) close();
  closers = [];
});

/** A worker in-process: the handlers serve one end of a MessageChannel, the client the other. */
function connect(log: string[] = []) {
  const handlers: Handlers<TestApi> = {
    echo: async (text) => {
      log.push(`echo ${text}`);
      return text;
    },
    batch: async ({ name, chunks }, job) => {
      for (let i = 0; i < chunks; i++) {
        log.push(`${name}${i}`);
        job.progress(i + 1);
        await job.checkpoint();
      }
      return `${name} done`;
    },
    stubborn: async ({ ms, value }, job) => {
      job.progress(value);
      await sleep(ms);
      job.progress(value);
      return value;
    },
    fail: async () => {
      throw Object.assign(new Error("no such digit"), { kind: "offline" });
    },
    download: async ({ ms }, job) => {
      log.push("download start");
      await sleep(ms);
      return job.exclusive(async () => {
        log.push("download build");
        return "built";
      });
    },
  };
  const worker = inProcess(handlers);
  closers.push(worker.close);
  return worker.client;
}

describe("the compute-worker protocol", () => {
  it("answers each call with its own result, and reports progress on the way", async () => {
    const client = connect();
    const seen: number[] = [];
    const [a, b, c] = await Promise.all([
      client.call("echo", "a"),
      client.call("batch", { name: "x", chunks: 3 }, { onProgress: (p) => seen.push(p) }),
      client.call("echo", "c"),
    ]);
    expect([a, b, c]).toEqual(["a", "x done", "c"]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("runs an interactive call between the chunks of a batch job, before waiting batch jobs", async () => {
    const log: string[] = [];
    const client = connect(log);
    let slider: Promise<string> | null = null;
    const first = client.call(
      "batch",
      { name: "A", chunks: 200 },
      {
        priority: "batch",
        onProgress: (p) => (slider ??= p === 1 ? client.call("echo", "s") : null),
      },
    );
    const second = client.call("batch", { name: "B", chunks: 200 }, { priority: "batch" });
    await Promise.all([first, second]);
    await slider;
    const at = (entry: string) => log.indexOf(entry);
    // The slider, sent after A's first chunk, cut in ahead of the chunks still waiting.
    expect(at("echo s")).toBeGreaterThan(-1);
    expect(at("echo s")).toBeLessThan(at("A199"));
    expect(at("echo s")).toBeLessThan(at("B199"));
    // The two batch jobs shared the thread, chunk by chunk.
    expect(at("B0")).toBeLessThan(at("A199"));
  });

  it("stops a cancelled batch job at its next checkpoint and rejects its call with AbortError", async () => {
    const log: string[] = [];
    const client = connect(log);
    const abort = new AbortController();
    const progress: number[] = [];
    const call = client.call(
      "batch",
      { name: "C", chunks: 1000 },
      {
        priority: "batch",
        signal: abort.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p === 1) abort.abort();
        },
      },
    );
    const error = await call.catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    await client.call("echo", "after"); // the worker is free again
    expect(log.filter((l) => l.startsWith("C")).length).toBeLessThan(1000);
    expect(progress).toEqual([1]); // nothing landed after the cancel
  });

  it("drops the late replies of a cancelled job: they change nothing", async () => {
    const client = connect();
    const abort = new AbortController();
    const progress: number[] = [];
    const stale = client.call(
      "stubborn",
      { ms: 30, value: 1 },
      {
        signal: abort.signal,
        onProgress: (p) => {
          progress.push(p);
          abort.abort();
        },
      },
    );
    const rejected = stale.then(
      () => "resolved",
      (e: unknown) => (isAbort(e) ? "aborted" : "other"),
    );
    expect(await rejected).toBe("aborted");
    // The job answers late (progress and result with value 1); the newer call gets only its own.
    const fresh = await client.call(
      "stubborn",
      { ms: 1, value: 2 },
      { onProgress: (p) => progress.push(p) },
    );
    await sleep(40);
    expect(fresh).toBe(2);
    expect(progress).toEqual([1, 2, 2]);
  });

  it("lets an io job wait without the turn, and runs its tensor work between batch chunks", async () => {
    const log: string[] = [];
    const client = connect(log);
    const batch = client.call("batch", { name: "A", chunks: 5000 }, { priority: "batch" });
    const download = client.call("download", { ms: 10 }, { priority: "io" });
    // While the download waits, an interactive call runs: the io job holds no turn.
    expect(await client.call("echo", "s")).toBe("s");
    expect(log).not.toContain("download build");
    expect(await download).toBe("built");
    await batch;
    const at = (entry: string) => log.indexOf(entry);
    expect(at("download start")).toBeLessThan(at("A1"));
    expect(at("download build")).toBeGreaterThan(at("A0"));
    expect(at("download build")).toBeLessThan(at("A4999"));
  });

  it("rejects with the handler's words and kind when it fails, and keeps serving", async () => {
    const client = connect();
    const error = await client.call("fail", null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ message: "no such digit", code: "offline" });
    expect(await client.call("echo", "still here")).toBe("still here");
  });

  it("fails every waiting call when the worker dies", async () => {
    const client = connect();
    const waiting = client.call("stubborn", { ms: 50, value: 3 });
    client.failAll("The compute worker stopped.");
    await expect(waiting).rejects.toThrow("The compute worker stopped.");
  });
});
