import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_SETTINGS } from "../../engine/digits/adversarial/methods";
import type { RunCounters, TrainingMethod } from "../../engine/digits/adversarial/types";
import { costTable } from "./costTable";
import { DEFAULT_SETUP, type RunView, runSpec } from "./trainingStore";

/** A run as the store holds it after `minibatches` updates, with made-up but consistent counters. */
function run(method: TrainingMethod, counters: RunCounters | null, clean = 0.9): RunView {
  const setup = { ...DEFAULT_SETUP, settings: { ...DEFAULT_METHOD_SETTINGS, pgdSteps: 3 } };
  return {
    id: method,
    method,
    spec: runSpec(method, setup, 8000),
    counters,
    loss: null,
    points: counters ? [{ ...counters, clean, robust: clean / 2 }] : [],
    done: false,
    stoppedEarly: false,
  };
}
const counters = (passes: number, minibatches: number, seconds: number): RunCounters => ({
  forward: passes,
  backward: passes,
  seconds,
  minibatches,
  epochs: minibatches / 125,
});

describe("costTable", () => {
  it("counts each method's backward passes per epoch of its schedule against standard's", () => {
    const rows = costTable([
      run("standard", counters(100, 100, 10)),
      run("fgsm", counters(100, 50, 10)),
      run("pgd", counters(100, 25, 10)), // k = 3: 4 passes a minibatch
      run("free", counters(100, 25, 12)), // m = 4 replays of each of 25 minibatches
    ]);
    expect(rows.map((r) => r.passesVsStandard)).toEqual([1, 2, 4, 1]);
    // Seconds per schedule epoch over standard's: free's epoch is 1/m data pass, m times.
    expect(rows[0].costVsStandard).toBe(1);
    expect(rows[1].costVsStandard).toBeCloseTo(2, 12);
    expect(rows[2].costVsStandard).toBeCloseTo(4, 12);
    expect(rows[3].costVsStandard).toBeCloseTo(1.2, 12);
    expect(rows[3].clean).toBe(0.9);
    expect(rows[3].robust).toBe(0.45);
  });

  it("leaves measured cells empty until there is something to measure", () => {
    const rows = costTable([run("free", counters(8, 2, 1)), run("pgd", null)]);
    // No standard run: nothing to divide the time by; the counted ratio needs none.
    expect(rows[0].costVsStandard).toBeNull();
    expect(rows[0].passesVsStandard).toBe(1);
    expect(rows[1].passesVsStandard).toBeNull();
    expect(rows[1].clean).toBeNull();
  });
});
