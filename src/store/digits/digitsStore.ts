import type * as tf from "@tensorflow/tfjs";
import { createStore } from "zustand/vanilla";
import { canDifferentiateConvnets } from "../../engine/backend";
import {
  buildDigitModel,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
  digitLogits,
} from "../../engine/digits/digitModels";
import { fetchShippedModel } from "../../engine/digits/digitWeights";
import { accuracy } from "../../engine/digits/evaluate";
import { type DigitSplit, fetchDigits, splitDigits } from "../../engine/digits/mnistData";
import { RECIPES } from "../../engine/digits/recipes";
import { trainDigitModel } from "../../engine/digits/train";
import type { LogitsFn } from "../../engine/types";
import { isAbort } from "../latestOnly";
import { serialQueue } from "../serialQueue";
import { yieldToBrowser } from "../../engine/yieldToBrowser";
import type { DigitModelStatus, DigitsState, TrainingPoint } from "./types";

/** What chapter stores get to work with, inside `run`. Tensors stay owned by this store. */
export interface DigitContext {
  split: DigitSplit;
  models: Record<DigitModelKind, tf.LayersModel>;
  logits: Record<DigitModelKind, LogitsFn>;
}

export interface DigitsActions {
  /**
   * Loads the digits and the three shipped models (once; later calls return the same promise).
   * Chapters call it when they come into view, so readers of chapter 1 never pay for it.
   */
  start(): Promise<void>;
  /** Trains `kind` from its seeded start for `epochs`, live, then swaps it in. */
  retrain(kind: DigitModelKind, epochs: number): Promise<void>;
  cancelTraining(): void;
  /** Puts the shipped weights back. */
  restoreShipped(kind: DigitModelKind): Promise<void>;
  /** Runs an engine job on the digits and models (queued; waits for them to load). */
  run<R>(job: (ctx: DigitContext) => Promise<R>): Promise<R>;
}

export type DigitsStore = DigitsState & { actions: DigitsActions };

const WEIGHTS_URL = `${import.meta.env.BASE_URL}models/digits/`;
const DATA_URL = `${import.meta.env.BASE_URL}data/mnist.bin.gz`;
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
  models: { softmax: modelStatus(), mlp: modelStatus(), cnn: modelStatus() },
  modelsVersion: 0,
  training: null,
});

/**
 * The MNIST digits and the three built-in models, shared by chapters 2-4. Every job that reads
 * the models goes through one queue; live training works on a fresh copy outside the queue and
 * swaps it in at the end, so the chapters stay usable while it runs.
 */
export function createDigitsStore(backendReady: () => Promise<void>) {
  let ctx: DigitContext | null = null;
  let resolveLoaded: (c: DigitContext) => void = () => {};
  let rejectLoaded: (e: unknown) => void = () => {};
  const loaded = new Promise<DigitContext>((resolve, reject) => {
    resolveLoaded = resolve;
    rejectLoaded = reject;
  });
  loaded.catch(() => undefined);
  const queue = serialQueue();
  let trainingAbort: AbortController | null = null;
  let starting: Promise<void> | null = null;

  return createStore<DigitsStore>()((set, get) => {
    const patchModel = (kind: DigitModelKind, p: Partial<DigitModelStatus>) =>
      set({ models: { ...get().models, [kind]: { ...get().models[kind], ...p } } });

    /** Swaps `model` in for `kind` (disposing the old one) and measures it. */
    const adopt = (kind: DigitModelKind, model: tf.LayersModel, source: "shipped" | "retrained") =>
      queue(async () => {
        if (!ctx) return;
        ctx.models[kind].dispose();
        ctx.models[kind] = model;
        ctx.logits[kind] = digitLogits(model);
        const acc = await accuracy(ctx.logits[kind], ctx.split.test);
        patchModel(kind, { status: "ready", testAccuracy: acc, source, error: null });
        set({ modelsVersion: get().modelsVersion + 1 });
      });

    async function load(): Promise<void> {
      set({ status: "loading", error: null });
      try {
        await backendReady();
        const [set0, ...shipped] = await Promise.all([
          fetchDigits(DATA_URL),
          ...DIGIT_MODEL_KINDS.map((kind) => fetchShippedModel(kind, WEIGHTS_URL)),
        ]);
        const models = {} as DigitContext["models"];
        const logits = {} as DigitContext["logits"];
        for (const [i, kind] of DIGIT_MODEL_KINDS.entries()) {
          models[kind] = shipped[i].model;
          logits[kind] = digitLogits(shipped[i].model);
        }
        ctx = { split: splitDigits(set0), models, logits };
        for (const kind of DIGIT_MODEL_KINDS) {
          const acc = await accuracy(logits[kind], ctx.split.test);
          patchModel(kind, { status: "ready", testAccuracy: acc, source: "shipped" });
        }
        set({ status: "ready", modelsVersion: 1 });
        resolveLoaded(ctx);
      } catch (err) {
        const text = message(err);
        set({ status: "error", error: text });
        for (const kind of DIGIT_MODEL_KINDS) patchModel(kind, { status: "error", error: text });
        rejectLoaded(err);
      }
    }

    const actions: DigitsActions = {
      start() {
        starting ??= load();
        return starting;
      },

      async run(job) {
        void actions.start();
        const c = await loaded;
        return queue(() => job(c));
      },

      async retrain(kind, epochs) {
        if (get().training?.status === "running") return;
        const c = await loaded;
        const recipe = { ...RECIPES[kind], epochs };
        const batchesPerEpoch = Math.ceil(c.split.train.count / recipe.batchSize);
        const every = Math.max(1, Math.round(batchesPerEpoch / POINTS_PER_EPOCH));
        const points: TrainingPoint[] = [];
        let lossSum = 0;
        let lossCount = 0;
        let done = 0;
        const progress = (p: Partial<NonNullable<DigitsState["training"]>>) => {
          const t = get().training;
          if (t) set({ training: { ...t, ...p } });
        };
        set({
          training: {
            kind,
            status: "running",
            epoch: 1,
            epochs,
            done: 0,
            total: batchesPerEpoch * epochs,
            points: [],
            error: null,
          },
        });
        if (kind === "cnn" && !canDifferentiateConvnets()) {
          // wasm has no Conv2DBackpropFilter kernel (GUIDE section 4).
          const why =
            "The fallback this browser computes on cannot train convolutions; the softmax and MLP models can be retrained here.";
          progress({ status: "error", error: why });
          return;
        }
        const abort = new AbortController();
        trainingAbort = abort;
        const model = buildDigitModel(kind, recipe.seed);
        try {
          await trainDigitModel(model, c.split.train, recipe, {
            signal: abort.signal,
            onBatch: async ({ epoch, loss }) => {
              done++;
              lossSum += loss;
              lossCount++;
              if (done % every === 0) {
                points.push({ step: done, loss: lossSum / lossCount });
                lossSum = 0;
                lossCount = 0;
              }
              progress({ epoch, done, points: [...points] });
              await yieldToBrowser();
            },
            onEpoch: async () => {
              const acc = await accuracy(digitLogits(model), c.split.test);
              points.push({ step: done, loss: points.at(-1)?.loss ?? Number.NaN, accuracy: acc });
              progress({ points: [...points] });
            },
          });
          await adopt(kind, model, "retrained");
          progress({ status: "done" });
        } catch (err) {
          model.dispose();
          progress(
            isAbort(err) ? { status: "cancelled" } : { status: "error", error: message(err) },
          );
        } finally {
          trainingAbort = null;
        }
      },

      cancelTraining() {
        trainingAbort?.abort();
      },

      async restoreShipped(kind) {
        await loaded;
        patchModel(kind, { status: "loading" });
        try {
          const { model } = await fetchShippedModel(kind, WEIGHTS_URL);
          await adopt(kind, model, "shipped");
        } catch (err) {
          patchModel(kind, { status: "error", error: message(err) });
        }
      },
    };

    return { ...initialDigitsState(), actions };
  });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
