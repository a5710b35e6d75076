import type { AttackPlan } from "../../engine/attackLab";
import { MAX_EPSILON_LEVELS } from "../../engine/attacks/params";
import { nextLevels } from "../../engine/sweepSummary";
import { topK } from "../../engine/topK";
import type { ImagenetApi } from "../../workers/imagenet/api";
import type { CallOptions } from "../../workers/rpc/client";
import { type JobToken, jobSlot } from "../jobSlot";
import { latestOnly } from "../latestOnly";
import type { LabState, SweepState } from "../types";

const SWEEP_LEVELS = Array.from({ length: MAX_EPSILON_LEVELS + 1 }, (_, k) => k);
/** FGSM levels share one gradient: they are classified in batches of this many. */
const FGSM_BATCH = 11;
/** Names a plan: "fgsm-u" (untargeted) or "pgd-t368-10" (target 368, 10 steps; "r": random start). */
const planKey = ({ kind, targeted, label, steps, randomStart }: AttackPlan): string =>
  `${kind}-${targeted ? `t${label}` : "u"}${kind === "pgd" ? `-${steps}${randomStart ? "r" : ""}` : ""}`;

/** A plan's sweep before any level is computed. */
export const emptySweep = (plan: AttackPlan): SweepState => ({
  plan: planKey(plan),
  levels: SWEEP_LEVELS,
  probs: SWEEP_LEVELS.map(() => null),
  status: "running",
});

/** What chapter 1's sweep needs of the lab: its state, its worker, and the current generation. */
export interface SweepHost {
  get(): LabState;
  set(patch: Partial<LabState>): void;
  compute<M extends "view" | "sweep">(
    method: M,
    args: ImagenetApi[M]["args"],
    options: CallOptions<ImagenetApi[M]["progress"]>,
  ): Promise<ImagenetApi[M]["result"]>;
  generation(): JobToken;
  inView(): boolean;
  fail(err: unknown): void;
}

/**
 * Chapter 1's slider and the sweep behind it: one slider value at a time (the newest wins),
 * and the levels not computed yet filled in the background, nearest the slider first.
 */
export function labSweep(host: SweepHost) {
  const { get, set } = host;
  const filler = jobSlot();

  /** Puts computed levels into the sweep (the slider's results feed it too). */
  function record(levels: number[], probs: Float32Array[]): void {
    const sweep = get().sweep;
    if (!sweep) return;
    const next = [...sweep.probs];
    levels.forEach((k, i) => {
      next[k] = probs[i];
    });
    set({ sweep: { ...sweep, probs: next } });
  }

  const setStatus = (status: SweepState["status"]) => {
    const sweep = get().sweep;
    if (sweep && sweep.status !== status) set({ sweep: { ...sweep, status } });
  };

  /** One slider value: one forward pass (FGSM, or a PGD level made before) or a PGD run. */
  const viewer = latestOnly<number>(async (level, signal) => {
    const { sweep, settings } = get();
    if (!sweep) return;
    const gen = host.generation();
    if (settings.kind === "pgd" && !sweep.probs[level])
      set({ working: `Running ${settings.steps}-step PGD at ε = ${level}/255…` });
    const v = await host
      .compute("view", { level }, { signal })
      .finally(() => gen.isCurrent() && set({ working: null }));
    if (!gen.isCurrent()) return;
    record([level], [v.probs]);
    const top5 = topK(v.probs, 5);
    const { advRgba, perturbRgba, gain } = v;
    const top1 = top5[0].classIndex;
    set({ adversarial: { epsLevel: level, top5, top1, advRgba, perturbRgba, gain } });
  });

  /**
   * Computes the sweep's missing levels, one batch job at a time (a batch of FGSM levels, or
   * one PGD run, which lets a slider move cut in between its steps); once a level is ready,
   * showing it costs one forward pass. Pauses out of view.
   */
  async function fill(): Promise<void> {
    const gen = host.generation();
    const token = filler.begin();
    try {
      for (;;) {
        const sweep = get().sweep;
        if (!sweep || !gen.isCurrent() || !token.isCurrent()) return;
        const { kind, epsLevel } = get().settings;
        const levels = nextLevels(sweep.probs, epsLevel, kind === "fgsm" ? FGSM_BATCH : 1);
        if (levels.length === 0) return setStatus("done");
        if (!host.inView()) return setStatus("paused");
        setStatus("running");
        const probs = await host.compute(
          "sweep",
          { levels },
          { priority: "batch", signal: token.signal },
        );
        if (gen.isCurrent()) record(levels, probs);
      }
    } catch (err) {
      host.fail(err);
    }
  }

  return {
    /** Shows `level` (`preempt`: a PGD run in flight for another level stops). */
    view(level: number, preempt = false): void {
      viewer.request(level, preempt)?.catch(host.fail);
    },
    fill,
    /** Goes on filling after a pause out of view. */
    resume(): void {
      if (get().sweep?.status === "paused") void fill();
    },
    stop(): void {
      viewer.cancel();
      filler.cancel();
    },
  };
}
