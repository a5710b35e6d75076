import { describe, expect, it } from "vitest";
import { abortError } from "../engine/abort";
import { MODEL_CHANGED } from "../workers/rpc/modelSlot";
import { type JobFields, jobEnding, jobRunner, jobSlot } from "./jobSlot";

type Field = JobFields & { rows: number[] };

/** A job runner over one variable, recording every value written. */
function field(hold?: (paused: boolean) => Promise<unknown>) {
  let value: Field | null = null;
  const writes: Field[] = [];
  const runner = jobRunner<Field>(
    () => value,
    (v) => {
      value = v;
      writes.push(v);
    },
    hold,
  );
  return { runner, writes, now: () => value };
}

const start = (total: number): Field => ({
  status: "running",
  done: 0,
  total,
  message: null,
  rows: [],
});

/** A promise with its resolve and reject outside. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("jobSlot", () => {
  it("hands out one current token: a new one aborts the old, cancel ends the current at once", () => {
    const slot = jobSlot();
    const a = slot.begin();
    const b = slot.begin();
    expect([a.signal.aborted, a.isCurrent(), b.isCurrent()]).toEqual([true, false, true]);
    slot.cancel();
    expect([b.signal.aborted, b.isCurrent()]).toEqual([true, false]);
  });
});

describe("jobEnding", () => {
  it("tells a stop, the model changing and a failure apart", () => {
    expect(jobEnding(abortError())).toEqual({ status: "cancelled", message: null });
    const changed = jobEnding(abortError(MODEL_CHANGED));
    expect(changed.status).toBe("cancelled");
    expect(changed.message).toMatch(/model changed/);
    expect(jobEnding(new Error("out of memory"))).toEqual({
      status: "error",
      message: "out of memory",
    });
  });
});

describe("jobRunner", () => {
  it("ends done with done = total and the body's last fields", async () => {
    const { runner, now } = field();
    await runner.run(start(3), async (_token, patch) => {
      patch({ done: 1, rows: [1] });
      return { rows: [1, 2, 3] };
    });
    expect(now()).toMatchObject({ status: "done", done: 3, rows: [1, 2, 3], message: null });
  });

  it("shows a stop at once and drops the stopped run's late reports and ending", async () => {
    const { runner, now, writes } = field();
    const reply = deferred<void>();
    let report: (p: Partial<Field>) => void = () => undefined;
    const ran = runner.run(start(10), async (token, patch) => {
      report = patch;
      token.signal.addEventListener("abort", () => reply.reject(abortError()));
      await reply.promise;
      return { rows: [9] };
    });
    report({ done: 4 });
    runner.stop();
    expect(now()).toMatchObject({ status: "cancelled", done: 4 });
    report({ done: 5 });
    await ran;
    expect(now()).toMatchObject({ status: "cancelled", done: 4, rows: [] });
    expect(writes.map((w) => w.status)).toEqual(["running", "running", "cancelled"]);
  });

  it("lets only the newest of two runs write", async () => {
    const { runner, now } = field();
    const first = deferred<void>();
    const a = runner.run(start(1), async () => {
      await first.promise;
      return { rows: [1] };
    });
    const b = runner.run(start(2), async () => ({ rows: [2] }));
    first.resolve();
    await Promise.all([a, b]);
    expect(now()).toMatchObject({ status: "done", total: 2, rows: [2] });
  });

  it("says why a job failed, or why the worker stopped it", async () => {
    const { runner, now } = field();
    await runner.run(start(1), async () => {
      throw new Error("The digits worker stopped.");
    });
    expect(now()).toMatchObject({ status: "error", message: "The digits worker stopped." });
    await runner.run(start(1), async () => {
      throw abortError(MODEL_CHANGED);
    });
    expect(now()?.status).toBe("cancelled");
    expect(now()?.message).toMatch(/model changed meanwhile/);
  });

  it("pauses and resumes a running job through `hold`, and never an ended one", async () => {
    const held: boolean[] = [];
    const { runner, now } = field(async (paused) => held.push(paused));
    const reply = deferred<void>();
    const ran = runner.run(start(5), async () => {
      await reply.promise;
      return {};
    });
    runner.pause();
    runner.pause();
    expect(now()?.status).toBe("paused");
    runner.resume();
    expect(now()?.status).toBe("running");
    reply.resolve();
    await ran;
    runner.pause();
    runner.stop();
    expect(now()?.status).toBe("done");
    expect(held).toEqual([true, false]);
  });

  it("can show a stopped job as paused, for a job the page runs again later", async () => {
    const { runner, now } = field();
    const reply = deferred<void>();
    const ran = runner.run(start(5), async (token) => {
      token.signal.addEventListener("abort", () => reply.reject(abortError()));
      await reply.promise;
      return {};
    });
    runner.stop("paused");
    await ran;
    expect(now()?.status).toBe("paused");
    expect(runner.active()).toBe(false);
  });
});
