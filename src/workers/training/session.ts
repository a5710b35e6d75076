import { getBackend } from "@tensorflow/tfjs";
import { canDifferentiateConvnets } from "../../engine/backend";
import { cleanAndRobustAccuracy } from "../../engine/digits/adversarial/robustAccuracy";
import { createTrainingRun, type TrainingRun } from "../../engine/digits/adversarial/trainingRun";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { type DigitSet, pickDigits } from "../../engine/digits/mnistFormat";
import { errorMessage } from "../../engine/errorMessage";
import type { EvaluationSettings, FromWorker, RunRequest, ToWorker } from "./protocol";

type StartMessage = Extract<ToWorker, { type: "start" }>;
type Post = (message: FromWorker) => void;

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
 * backward-pass axis. Between updates it yields, so pause, resume, reset and speed messages
 * take effect after the current minibatch (or measurement). Plain TS: the worker hosts it, tests
 * drive it directly.
 */
export class TrainingSession {
  private runs: LiveRun[] = [];
  private evaluation: EvaluationSettings | null = null;
  private evalSet: DigitSet | null = null;
  private deltaDigits = 0;
  private delayMs = 0;
  private paused = false;
  private wake: (() => void) | null = null;
  /** Bumped by reset and start: a loop whose generation is stale stops at its next check. */
  private generation = 0;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly split: DigitSplit,
    private readonly post: Post,
  ) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case "start":
        this.start(message);
        break;
      case "pause":
        this.paused = true;
        break;
      case "resume":
        this.paused = false;
        this.wake?.();
        break;
      case "reset":
        this.reset();
        break;
      case "speed":
        this.delayMs = Math.max(0, message.delayMs);
        break;
      case "init":
        break; // the worker handles it
    }
  }

  /** Resolves when the current loop has stopped (tests). */
  idle(): Promise<void> {
    return this.loop;
  }

  private start(message: StartMessage): void {
    this.reset();
    const generation = this.generation;
    this.evaluation = message.evaluation;
    this.evalSet = headOf(this.split.test, message.evaluation.testDigits);
    this.deltaDigits = message.deltaDigits;
    this.delayMs = message.delayMs;
    this.paused = false;
    try {
      if (message.runs.some((r) => r.spec.kind === "cnn") && !canDifferentiateConvnets()) {
        throw new Error(
          `The ${getBackend().toUpperCase()} backend cannot train convolutions here; pick the softmax or MLP model.`,
        );
      }
      this.runs = message.runs.map((r: RunRequest) => ({
        id: r.id,
        run: createTrainingRun(this.split.train, r.spec),
        nextPoint: 0,
        wantDeltas: r.spec.method === "free",
        finished: false,
      }));
    } catch (error) {
      this.disposeRuns();
      this.post({ type: "error", message: errorMessage(error) });
      return;
    }
    this.loop = this.train(generation).catch((error: unknown) => {
      if (generation !== this.generation) return; // reset while a step was in flight
      this.disposeRuns();
      this.post({ type: "error", message: errorMessage(error) });
    });
  }

  private reset(): void {
    this.generation++;
    this.paused = false;
    this.wake?.();
    this.disposeRuns();
  }

  private disposeRuns(): void {
    for (const r of this.runs) r.run.dispose();
    this.runs = [];
  }

  /** Waits while paused (telling the page once), then for the chosen slow-motion delay. */
  private async gate(generation: number): Promise<void> {
    if (this.paused) {
      this.post({ type: "paused" });
      while (this.paused && generation === this.generation) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
      this.wake = null;
    }
    await sleep(this.delayMs);
  }

  private async train(generation: number): Promise<void> {
    const live = () => generation === this.generation;
    for (;;) {
      await this.gate(generation);
      if (!live()) return;
      // A run that just finished gets its last point first; otherwise the one furthest behind.
      const behind = (r: LiveRun) => (r.run.done ? -1 : r.run.counters.backward);
      const next = this.runs.filter((r) => !r.finished).sort((a, b) => behind(a) - behind(b))[0];
      if (!next) {
        this.post({ type: "finished" });
        return;
      }
      if (next.run.counters.backward >= next.nextPoint || next.run.done) {
        await this.measure(next);
        if (!live()) return;
        if (next.run.done) {
          next.finished = true;
          this.post({ type: "runDone", runId: next.id, stoppedEarly: next.run.stoppedEarly });
        }
        continue;
      }
      const capture = next.wantDeltas ? this.deltaDigits : 0;
      const report = await next.run.step({ captureDeltas: capture });
      if (!live()) return;
      this.post({
        type: "step",
        runId: next.id,
        counters: { ...next.run.counters },
        loss: report.loss,
        check: report.checkAccuracy,
      });
      if (report.deltas && report.images) {
        next.wantDeltas = false;
        this.post({
          type: "deltas",
          snapshot: {
            runId: next.id,
            minibatch: next.run.counters.minibatches,
            eps: next.run.spec.settings.eps,
            images: report.images,
            deltas: report.deltas,
          },
        });
      }
    }
  }

  /** Measures a point of `r`'s curves and schedules the next one (none once it is done). */
  private async measure(r: LiveRun): Promise<void> {
    const evaluation = this.evaluation as EvaluationSettings;
    const { clean, robust, fgsm } = await cleanAndRobustAccuracy(
      r.run.model,
      this.evalSet as DigitSet,
      { eps: evaluation.eps, steps: evaluation.pgdSteps, seed: 7, withFgsm: true },
    );
    this.post({
      type: "point",
      runId: r.id,
      point: { ...r.run.counters, clean, robust, fgsm: fgsm as number }, // withFgsm: a number
    });
    if (r.run.done) return;
    while (r.nextPoint <= r.run.counters.backward) r.nextPoint += evaluation.everyBackward;
    r.wantDeltas ||= r.run.spec.method === "free";
  }
}
