import { createStore } from "zustand/vanilla";
import type { BackendPreference } from "../../engine/backendNames";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import { RECIPES } from "../../engine/digits/recipes";
import { errorMessage } from "../../lib/errorMessage";
import type { DigitsApi, RetrainProgress } from "../../workers/digits/api";
import type { CallOptions } from "../../workers/rpc/client";
import { jobRunner } from "../jobSlot";
import type { SharedDigits } from "../sharedDigits";
import { type SessionClient, workerSession } from "../workerSession";
import type { DigitModelStatus, DigitsState, TrainingPoint, TrainingRun } from "./types";

/** The jobs chapter stores may ask of the digits worker (loading and weights stay here). */
export type DigitJob = Exclude<keyof DigitsApi, "load" | "retrain" | "restoreShipped">;

export interface DigitsActions {
  /**
   * Loads the digits and the three shipped models in the worker (once; after a failure, the
   * next call tries again). Chapters call it when they come into view, so readers of chapter 1
   * never pay.
   */
  start(): Promise<void>;
  /** Trains `kind` from its seeded start for `epochs`, live, then swaps it in. */
  retrain(kind: DigitModelKind, epochs: number): Promise<void>;
  cancelTraining(): void;
  /** Puts the shipped weights back. */
  restoreShipped(kind: DigitModelKind): Promise<void>;
  /** Runs one job in the digits worker, once the digits are loaded. */
  compute<M extends DigitJob>(
    method: M,
    args: DigitsApi[M]["args"],
    options?: CallOptions<DigitsApi[M]["progress"]>,
  ): Promise<DigitsApi[M]["result"]>;
}

export type DigitsStore = DigitsState & { actions: DigitsActions };

export interface DigitsSetup {
  /** Starts the digits worker (when a chapter first asks) and connects to it. */
  makeClient: () => SessionClient<DigitsApi>;
  backend: BackendPreference;
  /** Where the worker gets the digits (and offers them on). */
  digits: SharedDigits;
  weightsUrl: string;
  wasmPath: string;
}

/** Chart points per epoch of a live run (losses are averaged in between). */
const POINTS_PER_EPOCH = 25;

const modelStatus = (): DigitModelStatus => ({
  status: "loading",
  testAccuracy: null,
  source: null,
  error: null,
});

export const initialDigitsState = (): DigitsState => ({
  status: "idle",
  error: null,
  backend: null,
  trainCount: null,
  models: { softmax: modelStatus(), mlp: modelStatus(), cnn: modelStatus() },
  modelsVersion: 0,
  training: null,
});

/**
 * The MNIST digits and the three built-in models (chapters 2-4, 7 and 8 and the attack zoo), as the page sees them: their
 * status and accuracy. The digits, the models and every computation on them live in the digits
 * worker (see workers/digits); this store starts it, swaps weights and forwards the chapters' jobs.
 */
export function createDigitsStore(setup: DigitsSetup) {
  /** Added to the worker's model versions: a fresh worker counts from 1 again. */
  let versionBase = 0;
  return createStore<DigitsStore>()((set, get) => {
    const patchModel = (kind: DigitModelKind, p: Partial<DigitModelStatus>) =>
      set({ models: { ...get().models, [kind]: { ...get().models[kind], ...p } } });
    const training = jobRunner(
      () => get().training,
      (t) => set({ training: t }),
    );
    /** New weights of `kind` are in use in the worker: show them, and tell the chapters. */
    const adopted = (
      kind: DigitModelKind,
      source: "shipped" | "retrained",
      { accuracy, version }: { accuracy: number; version: number },
    ) => {
      patchModel(kind, { status: "ready", testAccuracy: accuracy, source, error: null });
      set({ modelsVersion: versionBase + version });
    };

    /**
     * The worker died mid-job (its jobs fail with what happened): a fresh one loads the digits
     * and the shipped models, and the new version makes the chapters on screen recompute.
     */
    function restartAfterDeath(): void {
      versionBase = get().modelsVersion;
      session.ready().catch(() => undefined);
    }

    /** A fresh worker's start: the digits and the three shipped models. */
    const session = workerSession(
      setup.makeClient,
      async (call) => {
        set({ status: "loading", error: null });
        try {
          const { backend, weightsUrl, wasmPath } = setup;
          const digits = await setup.digits.source();
          const out = await call("load", { backend, wasmPath, digits, weightsUrl });
          setup.digits.offer(() => session.tell("digitSplit", null, { priority: "control" }));
          for (const kind of DIGIT_MODEL_KINDS)
            patchModel(kind, {
              status: "ready",
              testAccuracy: out.accuracy[kind],
              source: "shipped",
            });
          set({ status: "ready", backend: out.backend, trainCount: out.trainCount });
          set({ modelsVersion: versionBase + out.version });
        } catch (err) {
          const text = errorMessage(err);
          set({ status: "error", error: text });
          for (const kind of DIGIT_MODEL_KINDS) patchModel(kind, { status: "error", error: text });
          throw err;
        }
      },
      restartAfterDeath,
    );

    /** Live points from the worker's per-batch losses: means of `every` batches, and accuracies. */
    function trainingChart(every: number) {
      const points: TrainingPoint[] = [];
      let lossSum = 0;
      let lossCount = 0;
      let done = 0;
      return (p: RetrainProgress, patch: (p: Partial<TrainingRun>) => void) => {
        if (p.kind === "batch") {
          done++;
          lossSum += p.loss;
          lossCount++;
          if (done % every === 0) {
            points.push({ step: done, loss: lossSum / lossCount });
            lossSum = 0;
            lossCount = 0;
          }
          patch({ epoch: p.epoch, done, points: [...points] });
        } else {
          const loss = points.at(-1)?.loss ?? Number.NaN;
          points.push({ step: done, loss, accuracy: p.accuracy });
          patch({ points: [...points] });
        }
      };
    }

    const actions: DigitsActions = {
      start() {
        return session.ready().catch(() => undefined);
      },

      compute(method, args, options) {
        return session.call(method, args, options);
      },

      async retrain(kind, epochs) {
        if (training.active()) return;
        await actions.start();
        const trainCount = get().trainCount;
        if (!trainCount) return;
        const batchesPerEpoch = Math.ceil(trainCount / RECIPES[kind].batchSize);
        const chart = trainingChart(Math.max(1, Math.round(batchesPerEpoch / POINTS_PER_EPOCH)));
        const initial = { status: "running" as const, done: 0, message: null };
        const run = { ...initial, kind, epoch: 1, epochs, total: batchesPerEpoch * epochs };
        await training.run({ ...run, points: [] }, async ({ signal }, patch) => {
          const out = await session.call(
            "retrain",
            { kind, epochs },
            { priority: "batch", signal, onProgress: (p) => chart(p, patch) },
          );
          adopted(kind, "retrained", out);
          return {};
        });
      },

      cancelTraining: () => training.stop(),

      async restoreShipped(kind) {
        await actions.start();
        patchModel(kind, { status: "loading" });
        try {
          adopted(kind, "shipped", await session.call("restoreShipped", { kind }));
        } catch (err) {
          patchModel(kind, { status: "error", error: errorMessage(err) });
        }
      },
    };

    return { ...initialDigitsState(), actions };
  });
}
