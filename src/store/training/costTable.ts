import type { MethodSettings, TrainingMethod } from "../../engine/digits/adversarial/types";
import type { RunView } from "./trainingStore";

/**
 * How often the method's schedule replays each minibatch: free training m times, with 1/m as
 * many epochs, so its backward passes match standard training's (Shafahi et al.); others once.
 */
export function replaysPerMinibatch(method: TrainingMethod, settings: MethodSettings): number {
  return method === "free" ? settings.replays : 1;
}

/** One row of the live cost table, from a run's latest measurements. */
export interface CostRow {
  id: string;
  method: TrainingMethod;
  forward: number;
  backward: number;
  seconds: number;
  epochs: number;
  /**
   * Backward passes per epoch of the method's own schedule over standard training's 1 per
   * minibatch: counted, so exact (FGSM 2, PGD-k k+1, free 1; fast 2 plus its early-stopping
   * checks). Null before the first minibatch.
   */
  passesVsStandard: number | null;
  /**
   * Wall time of one epoch of the method's schedule over standard training's, after each run's
   * first update (null until both have made two, or without a standard run). An epoch of free
   * training is 1/m data pass with m replays, the same backward passes as a standard epoch.
   */
  costVsStandard: number | null;
  /** Latest measured accuracies, in [0,1] (null before the first point). */
  clean: number | null;
  robust: number | null;
  done: boolean;
  stoppedEarly: boolean;
}

/**
 * Seconds per epoch of the run's own schedule, measured from the end of its first minibatch
 * update (whose one-off warm-up would otherwise flatter whichever method starts second). Null
 * until a second update is done.
 */
function secondsPerScheduleEpoch(run: RunView): number | null {
  const c = run.counters;
  const first = run.firstStep;
  if (!c || !first || c.minibatches <= first.minibatches) return null;
  const seconds = c.seconds - first.seconds;
  const epochs = c.epochs - first.epochs;
  if (seconds <= 0 || epochs <= 0) return null;
  return seconds / epochs / replaysPerMinibatch(run.method, run.spec.settings);
}

/** Backward passes per minibatch of data, over the replays the schedule makes of it. */
function passesPerScheduleMinibatch(run: RunView): number | null {
  const c = run.counters;
  if (!c || c.minibatches <= 0) return null;
  return c.backward / c.minibatches / replaysPerMinibatch(run.method, run.spec.settings);
}

/** The measured cost table: every number comes from the runs' own counters and points. */
export function costTable(runs: readonly RunView[]): CostRow[] {
  const standard = runs.find((r) => r.method === "standard");
  const base = standard ? secondsPerScheduleEpoch(standard) : null;
  return runs.map((run) => {
    const c = run.counters;
    const mine = secondsPerScheduleEpoch(run);
    const last = run.points.at(-1);
    return {
      id: run.id,
      method: run.method,
      forward: c?.forward ?? 0,
      backward: c?.backward ?? 0,
      seconds: c?.seconds ?? 0,
      epochs: c?.epochs ?? 0,
      passesVsStandard: passesPerScheduleMinibatch(run),
      costVsStandard: mine !== null && base ? mine / base : null,
      clean: last?.clean ?? null,
      robust: last?.robust ?? null,
      done: run.done,
      stoppedEarly: run.stoppedEarly,
    };
  });
}
