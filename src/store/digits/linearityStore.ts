import { createStore } from "zustand/vanilla";
import { makeBatch } from "../../engine/digits/batches";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModels";
import { digitImages } from "../../engine/digits/mnistData";
import { type DigitSet, pickDigits } from "../../engine/digits/mnistFormat";
import {
  fgsmRobustnessCurve,
  mergeRobustness,
  type RobustnessPoint,
} from "../../engine/digits/robustnessCurve";
import {
  adversarialSamples,
  classWeightImages,
  signAgreement,
  signOfDifference,
  targetedStepSign,
} from "../../engine/digits/weightSigns";
import { isAbort, latestOnly } from "../latestOnly";
import { yieldToBrowser } from "../../engine/yieldToBrowser";
import { digitsStore } from "./index";
import { CURVE_LEVELS } from "./robustnessLevels";

export interface PairView {
  from: number;
  to: number;
  /** The test digit of class `from` that is attacked. */
  digit: Float32Array;
  signDiff: Float32Array;
  stepSign: Float32Array;
  agreement: number;
}

export interface SampleDigit {
  label: number;
  pixels: Float32Array;
  predicted: number;
  confidence: number;
}

export interface LinearityState {
  weights: Float32Array[] | null;
  pair: { from: number; to: number };
  pairView: PairView | null;
  curves: {
    status: "idle" | "running" | "paused" | "done" | "error";
    done: number;
    total: number;
    /** The latest curve of each model; kept while a newer one is measured. */
    points: Partial<Record<DigitModelKind, RobustnessPoint[]>>;
    /** Models whose curve is missing or out of date (new weights) and is being measured. */
    pending: DigitModelKind[];
    error: string | null;
  };
  sampleModel: DigitModelKind;
  sampleEpsLevel: number;
  samples: { kind: DigitModelKind; epsLevel: number; digits: SampleDigit[] } | null;
}

export interface LinearityActions {
  /** Starts the chapter's computations (once the chapter is on screen). */
  start(): void;
  setPair(from: number, to: number): void;
  setSampleModel(kind: DigitModelKind): void;
  setSampleEps(level: number): void;
}

export type LinearityStore = LinearityState & { actions: LinearityActions };

/** The first test digit of each class: the samples shown at every eps. */
function firstOfEachClass(test: DigitSet): number[] {
  return Array.from({ length: 10 }, (_, k) => test.labels.indexOf(k));
}

/** The curves are measured on the 2,000 test digits in chunks of 250. */
const TEST_DIGITS = 2000;
const CHUNK = 250;
const range = (start: number, n: number) => Int32Array.from({ length: n }, (_, i) => start + i);

export function createLinearityStore() {
  let started = false;
  return createStore<LinearityStore>()((set, get) => {
    const { run } = digitsStore.getState().actions;

    async function refreshWeightsAndPair(): Promise<void> {
      const { from, to } = get().pair;
      const view = await run(async (ctx) => {
        const weights = await classWeightImages(ctx.models.softmax);
        const index = ctx.split.test.labels.indexOf(from);
        const x = digitImages(ctx.split.test, index, index + 1);
        try {
          const stepSign = targetedStepSign(ctx.logits.softmax, x, to);
          const signDiff = signOfDifference(weights[to], weights[from]);
          const digit = (await x.data()) as Float32Array;
          return {
            weights,
            pairView: {
              from,
              to,
              digit,
              stepSign,
              signDiff,
              agreement: signAgreement(stepSign, signDiff),
            },
          };
        } finally {
          x.dispose();
        }
      });
      if (get().pair.from === from && get().pair.to === to) set(view);
    }

    const sampler = latestOnly<{ kind: DigitModelKind; epsLevel: number }>(
      async ({ kind, epsLevel }) => {
        const samples = await run(async (ctx) => {
          const indices = firstOfEachClass(ctx.split.test);
          const { x, y } = makeBatch(ctx.split.test, indices);
          try {
            const out = await adversarialSamples(ctx.logits[kind], x, y, epsLevel);
            const digits: SampleDigit[] = indices.map((i, k) => ({
              label: ctx.split.test.labels[i],
              pixels: out.pixels[k],
              predicted: out.predicted[k],
              confidence: out.confidence[k],
            }));
            return { kind, epsLevel, digits };
          } finally {
            x.dispose();
            y.dispose();
          }
        });
        set({ samples });
      },
    );

    let curvesAbort: AbortController | null = null;
    /**
     * Measures the pending models' curves, one model after another; the other models keep theirs.
     * A newer call (or a pause) stops an older one.
     */
    async function measureCurves(): Promise<void> {
      curvesAbort?.abort();
      const mine = new AbortController();
      curvesAbort = mine;
      const perModel = TEST_DIGITS / CHUNK;
      const kinds = get().curves.pending;
      set({
        curves: {
          ...get().curves,
          status: "running",
          done: 0,
          total: perModel * kinds.length,
          error: null,
        },
      });
      try {
        for (const [m, kind] of kinds.entries()) {
          // One queued job per chunk, so other chapters' quick jobs slip in between.
          const parts: { count: number; points: RobustnessPoint[] }[] = [];
          for (let chunk = 0; chunk < perModel; chunk++) {
            const part = await run(async (ctx) => {
              const digits = pickDigits(ctx.split.test, range(chunk * CHUNK, CHUNK));
              const points = await fgsmRobustnessCurve(ctx.logits[kind], digits, CURVE_LEVELS, {
                batchSize: CHUNK,
                signal: mine.signal,
              });
              return { count: digits.count, points };
            });
            if (curvesAbort !== mine) return;
            parts.push(part);
            set({ curves: { ...get().curves, done: m * perModel + chunk + 1 } });
            await yieldToBrowser();
          }
          const { curves } = get();
          set({
            curves: {
              ...curves,
              points: { ...curves.points, [kind]: mergeRobustness(parts) },
              pending: curves.pending.filter((k) => k !== kind),
            },
          });
        }
        set({ curves: { ...get().curves, status: "done" } });
      } catch (err) {
        if (!isAbort(err) && curvesAbort === mine)
          set({ curves: { ...get().curves, status: "error", error: String(err) } });
      }
    }

    /** Stops measuring while a model trains: both would share one GPU, and the curve would be stale. */
    function pauseCurves(): void {
      if (get().curves.status !== "running") return;
      curvesAbort?.abort();
      curvesAbort = null;
      set({ curves: { ...get().curves, status: "paused" } });
    }

    /** Recomputes the chapter for new weights of `changed` (their curves; views are cheap). */
    function refresh(changed: readonly DigitModelKind[]): void {
      const pending = get().curves.pending;
      const more = changed.filter((k) => !pending.includes(k));
      set({ curves: { ...get().curves, pending: [...pending, ...more] } });
      void refreshWeightsAndPair();
      void measureCurves();
      void sampler.request({ kind: get().sampleModel, epsLevel: get().sampleEpsLevel });
    }

    // The digits store patches a model's entry only when that model loads or gets new weights,
    // so an entry that is a new object since the last look names a model whose curve is stale.
    let seen = digitsStore.getState().models;
    const changedSinceSeen = (models: typeof seen) => {
      const changed = DIGIT_MODEL_KINDS.filter((k) => models[k] !== seen[k]);
      seen = models;
      return changed;
    };

    // New weights (a model retrained or restored): that model's curve and the views are redone.
    digitsStore.subscribe((s, prev) => {
      if (!started) return;
      const training = s.training?.status === "running";
      if (training && prev.training?.status !== "running") pauseCurves();
      if (s.modelsVersion !== prev.modelsVersion) {
        const changed = changedSinceSeen(s.models);
        if (prev.modelsVersion > 0) refresh(changed);
      } else if (!training && get().curves.status === "paused") void measureCurves();
    });

    const actions: LinearityActions = {
      start() {
        if (started) return;
        started = true;
        seen = digitsStore.getState().models;
        refresh(DIGIT_MODEL_KINDS);
      },
      setPair(from, to) {
        set({ pair: { from, to } });
        void refreshWeightsAndPair();
      },
      setSampleModel(kind) {
        set({ sampleModel: kind });
        void sampler.request({ kind, epsLevel: get().sampleEpsLevel });
      },
      setSampleEps(level) {
        set({ sampleEpsLevel: level });
        void sampler.request({ kind: get().sampleModel, epsLevel: level });
      },
    };

    return {
      weights: null,
      pair: { from: 3, to: 8 },
      pairView: null,
      curves: { status: "idle", done: 0, total: 0, points: {}, pending: [], error: null },
      sampleModel: "softmax",
      sampleEpsLevel: 26,
      samples: null,
      actions,
    };
  });
}
