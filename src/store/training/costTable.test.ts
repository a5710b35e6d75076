import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_SETTINGS } from "../../engine/digits/adversarial/settings";
import type { RunCounters, TrainingMethod } from "../../engine/digits/adversarial/types";
import { costTable } from "./costTable";
import { DEFAULT_SETUP, type RunView, runSpec } from "./trainingStore";

const BATCHES_PER_EPOCH = 125;
/** Counters after `minibatches` updates of `passes` backward passes each, in `seconds`. */
const counters = (passes: number, minibatches: number, seconds: number): RunCounters => ({
  forward: passes * minibatches,
  backward: passes * minibatches,
  seconds,
  minibatches,
  epochs: minibatches / BATCHES_PER_EPOCH,
});

/**
 * A run as the store holds it: a first update of `warmup` seconds (shader compilation and the
 * like), then `minibatches - 1` more of `perUpdate` seconds each.
 */
function run(
  method: TrainingMethod,
  passes: number,
  minibatches: number,
  perUpdate: number,
  warmup = 3,
): RunView {
  const setup = { ...DEFAULT_SETUP, settings: { ...DEFAULT_METHOD_SETTINGS, pgdSteps: 3 } };
  const now = counters(passes, minibatches, warmup + (minibatches - 1) * perUpdate);
  return {
    id: method,
    method,
    spec: runSpec(method, setup, 8000),
    counters: now,
    firstStep: counters(passes, 1, warmup),
    checks: [],
    loss: null,
    points: [{ ...now, clean: 0.9, robust: 0.45, fgsm: 0.6 }],
    done: false,
    stoppedEarly: false,
  };
}

describe("costTable", () => {
  it("counts backward passes and times each schedule epoch against standard's, warm-up excluded", () => {
    const rows = costTable([
      run("standard", 1, 101, 0.01, 5),
      run("fgsm", 2, 51, 0.02),
      run("pgd", 4, 26, 0.04), // k = 3: 4 passes a minibatch
      run("free", 4, 26, 0.048), // m = 4 replays, each 1.2x a standard update
    ]);
    expect(rows.map((r) => r.passesVsStandard)).toEqual([1, 2, 4, 1]);
    // Had the first updates' warm-up been counted, standard's 5 s would swamp every ratio.
    expect(rows[0].costVsStandard).toBe(1);
    expect(rows[1].costVsStandard).toBeCloseTo(2, 9);
    expect(rows[2].costVsStandard).toBeCloseTo(4, 9);
    expect(rows[3].costVsStandard).toBeCloseTo(1.2, 9);
    expect(rows[3].clean).toBe(0.9);
    expect(rows[3].robust).toBe(0.45);
  });

  it("leaves a measured cell empty until there is something to measure", () => {
    const fresh: RunView = { ...run("pgd", 4, 1, 0), counters: null, firstStep: null, points: [] };
    const rows = costTable([run("free", 4, 3, 0.05), run("standard", 1, 1, 0), fresh]);
    // Standard has made one update only: its warm-up is all there is, so no time per epoch yet.
    expect(rows[0].costVsStandard).toBeNull();
    expect(rows[0].passesVsStandard).toBe(1); // counted: needs no standard run
    expect(rows[2].passesVsStandard).toBeNull();
    expect(rows[2].clean).toBeNull();
  });
});
