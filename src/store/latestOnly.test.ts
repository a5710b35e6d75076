import { describe, expect, it } from "vitest";
import { latestOnly } from "./latestOnly";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("latestOnly", () => {
  it("runs the first request and then only the latest of those that came meanwhile", async () => {
    const ran: number[] = [];
    const runner = latestOnly<number>(async (n) => {
      await tick();
      ran.push(n);
    });
    const first = runner.request(1);
    for (let n = 2; n <= 50; n++) runner.request(n);
    await first;
    expect(ran).toEqual([1, 50]);
  });

  it("lets a cheap run finish unless asked to pre-empt it", async () => {
    const seen: { n: number; aborted: boolean }[] = [];
    const runner = latestOnly<number>(async (n, signal) => {
      await tick();
      seen.push({ n, aborted: signal.aborted });
    });
    const a = runner.request(1);
    runner.request(2);
    await a;
    const b = runner.request(3);
    runner.request(4, true);
    await b;
    expect(seen).toEqual([
      { n: 1, aborted: false },
      { n: 2, aborted: false },
      { n: 3, aborted: true },
      { n: 4, aborted: false },
    ]);
  });

  it("cancel drops the waiting request", async () => {
    const ran: number[] = [];
    const runner = latestOnly<number>(async (n) => {
      await tick();
      ran.push(n);
    });
    const a = runner.request(1);
    runner.request(2);
    runner.cancel();
    await a;
    expect(ran).toEqual([1]);
  });
});
