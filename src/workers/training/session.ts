import { getBackend } from "@tensorflow/tfjs-core";
import { canDifferentiateConvnets } from "../../engine/backend";
import { cleanAndRobustAccuracy } from "../../engine/digits/adversarial/robustAccuracy";
import { createTrainingRun, type TrainingRun } from "../../engine/digits/adversarial/trainingRun";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { type DigitSet, pickDigits } from "../../engine/digits/mnistFormat";
import { PauseGate } from "../rpc/pauseGate";
import type { Job } from "../rpc/serve";
import type { EvaluationSettings, TrainArgs, TrainingUpdate } from "./protocol";

interface LiveRun {
  id: string;
  run: TrainingRun;
  /** Backward-pass count at which the next point is measured. */
  nextPoint: number;
  /** Snapshot free training's delta on the next minibatch. */
  wantDeltas: boolean;
  /** Done and its last point measured. */
  finished: boolean;
}

/** The first `n` digits of `set`. */
const headOf = (set: DigitSet, n: number) =>
  pickDigits(
    set,
    Int32Array.from({ length: Math.min(n, set.count) }, (_, i) => i),
  );

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Trains several runs side by side on one backend and reports as it goes. The run that has
 * spent the fewest backward passes goes next, so all curves advance together along the
 * backward-pass axis. One `train` call is one set of runs: it resolves when all are done and
 * stops, freeing every tensor, when its job is cancelled (the page's reset). Between updates
 * it passes through the job's checkpoint, so pause, speed and cancel take effect after the
 * current minibatch (or measurement). Plain TS: the worker hosts it, tests drive it directly.
 */
export class TrainingSession {
  private readonly pause = new PauseGate();
  private delayMs = 0;

  constructor(readonly split: DigitSplit) {}

  /** Pause or resume the run in progress, or change its slow-motion delay. */
  control({ paused, delayMs }: { paused?: boolean; delayMs?: number }): void {
    if (delayMs !== undefined) this.delayMs = Math.max(0, delayMs);
    if (paused !== undefined) this.pause.set(paused);
  }

  async train(args: TrainArgs, job: Job<TrainingUpdate>): Promise<null> {
    this.pause.set(false);
    this.delayMs = args.delayMs;
    if (args.runs.some((r) => r.spec.kind === "cnn") && !canDifferentiateConvnets()) {
      throw new Error(
        `The ${getBackend().toUpperCase()} backend cannot train convolutions here; pick the softmax or MLP model.`,
      );
    }
    const runs: LiveRun[] = [];
    try {
      // Built inside the try: if one run cannot be created, the ones before it are freed.
      for (const r of args.runs) {
        const run = createTrainingRun(this.split.train, r.spec);
        runs.push({
          id: r.id,
          run,
          nextPoint: 0,
          wantDeltas: r.spec.method === "free",
          finished: false,
        });
      }
      const evalSet = headOf(this.split.test, args.evaluation.testDigits);
      const measure = (r: LiveRun) => this.measure(r, evalSet, args.evaluation, job);
      await this.loop(runs, args.deltaDigits, measure, job);
      return null;
    } finally {
      for (const r of runs) r.run.dispose();
    }
  }

  /** Waits while paused (telling the page once), then for the slow-motion delay. */
  private async gate(job: Job<TrainingUpdate>): Promise<void> {
    await job.checkpoint();
    await this.pause.wait(job.signal, "Training reset", () => job.progress({ kind: "paused" }));
    if (this.delayMs > 0) await sleep(this.delayMs);
  }

  private async loop(
    runs: LiveRun[],
    deltaDigits: number,
    measure: (r: LiveRun) => Promise<void>,
    job: Job<TrainingUpdate>,
  ): Promise<void> {
    for (;;) {
      await this.gate(job);
      // A run that just finished gets its last point first; otherwise the one furthest behind.
      const behind = (r: LiveRun) => (r.run.done ? -1 : r.run.counters.backward);
      const next = runs.filter((r) => !r.finished).sort((a, b) => behind(a) - behind(b))[0];
      if (!next) return;
      if (next.run.counters.backward >= next.nextPoint || next.run.done) {
        await measure(next);
        if (next.run.done) {
          next.finished = true;
          job.progress({ kind: "runDone", runId: next.id, stoppedEarly: next.run.stoppedEarly });
        }
        continue;
      }
      const report = await next.run.step({ captureDeltas: next.wantDeltas ? deltaDigits : 0 });
      const { counters } = next.run;
      job.progress({
        kind: "step",
        runId: next.id,
        counters: { ...counters },
        loss: report.loss,
        check: report.checkAccuracy,
      });
      if (report.deltas && report.images) {
        next.wantDeltas = false;
        const { eps } = next.run.spec.settings;
        const snapshot = { runId: next.id, minibatch: counters.minibatches, eps };
        job.progress({
          kind: "deltas",
          snapshot: { ...snapshot, images: report.images, deltas: report.deltas },
        });
      }
    }
  }

  /** Measures a point of `r`'s curves and schedules the next one (none once it is done). */
  private async measure(
    r: LiveRun,
    evalSet: DigitSet,
    evaluation: EvaluationSettings,
    job: Job<TrainingUpdate>,
  ): Promise<void> {
    const { clean, robust, fgsm } = await cleanAndRobustAccuracy(r.run.model, evalSet, {
      eps: evaluation.eps,
      steps: evaluation.pgdSteps,
      seed: 7,
      withFgsm: true,
    });
    const point = { ...r.run.counters, clean, robust, fgsm: fgsm as number }; // withFgsm: a number
    job.progress({ kind: "point", runId: r.id, point });
    if (r.run.done) return;
    while (r.nextPoint <= r.run.counters.backward) r.nextPoint += evaluation.everyBackward;
    r.wantDeltas ||= r.run.spec.method === "free";
  }
}
