import { createStore, type StoreApi } from "zustand/vanilla";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import { mergeRobustness, type RobustnessPoint } from "../../engine/digits/robustnessCurve";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import { clampInt, oneOf } from "../../engine/validate";
import type { PairView, SampleDigit } from "../../workers/digits/api";
import { type JobFields, jobRunner } from "../jobSlot";
import { latestOnly } from "../latestOnly";
import type { DigitsStore } from "./digitsStore";
import { CURVE_LEVELS, DIGIT_CLASS_COUNT, DIGIT_MAX_EPS_LEVEL } from "./robustnessLevels";

export interface LinearityState {
  weights: Float32Array[] | null;
  pair: { from: number; to: number };
  pairView: PairView | null;
  curves: JobFields & {
    /** The latest curve of each model; kept while a newer one is measured. */
    points: Partial<Record<DigitModelKind, RobustnessPoint[]>>;
    /** Models whose curve is missing or out of date (new weights) and is being measured. */
    pending: DigitModelKind[];
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

export const initialLinearityState = (): LinearityState => ({
  weights: null,
  pair: { from: 3, to: 8 },
  pairView: null,
  curves: { status: "idle", done: 0, total: 0, points: {}, pending: [], message: null },
  sampleModel: "softmax",
  sampleEpsLevel: 26,
  samples: null,
});

/** The curves are measured on the 2,000 test digits in chunks of 250. */
const CHUNK = 250;

export function createLinearityStore(digitsStore: StoreApi<DigitsStore>) {
  let started = false;
  return createStore<LinearityStore>()((set, get) => {
    const { compute } = digitsStore.getState().actions;

    async function refreshWeightsAndPair(): Promise<void> {
      const { from, to } = get().pair;
      const { weights, pair } = await compute("weightsAndPair", { from, to });
      if (get().pair.from === from && get().pair.to === to) set({ weights, pairView: pair });
    }

    const sampler = latestOnly<{ kind: DigitModelKind; epsLevel: number }>(
      async ({ kind, epsLevel }, signal) => {
        const digits = await compute("samples", { kind, epsLevel }, { signal });
        set({ samples: { kind, epsLevel, digits } });
      },
    );

    const curves = jobRunner(
      () => get().curves,
      (c) => set({ curves: c }),
    );
    /**
     * Measures the pending models' curves, one model after another; the other models keep theirs.
     * A newer call (or a pause) stops an older one.
     */
    function measureCurves(): Promise<void> {
      const perModel = TEST_DIGITS / CHUNK;
      const kinds = get().curves.pending;
      const total = perModel * kinds.length;
      const initial = {
        ...get().curves,
        status: "running" as const,
        done: 0,
        total,
        message: null,
      };
      return curves.run(initial, async ({ signal }, patch) => {
        for (const [m, kind] of kinds.entries()) {
          // One queued job per chunk, so other chapters' quick jobs slip in between.
          const parts: { count: number; points: RobustnessPoint[] }[] = [];
          for (let chunk = 0; chunk < perModel; chunk++) {
            const part = await compute(
              "curveChunk",
              { kind, start: chunk * CHUNK, count: CHUNK, levels: CURVE_LEVELS },
              { priority: "batch", signal },
            );
            parts.push(part);
            patch({ done: m * perModel + chunk + 1 });
          }
          const { points, pending } = get().curves;
          patch({
            points: { ...points, [kind]: mergeRobustness(parts) },
            pending: pending.filter((k) => k !== kind),
          });
        }
        return {};
      });
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
      // Paused while a model trains: both would share one processor, and the curve would be stale.
      if (training && prev.training?.status !== "running") curves.stop("paused");
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
      setPair(fromClass, toClass) {
        const from = clampInt(fromClass, 0, DIGIT_CLASS_COUNT - 1);
        const to = clampInt(toClass, 0, DIGIT_CLASS_COUNT - 1);
        if (from === undefined || to === undefined) return;
        set({ pair: { from, to } });
        void refreshWeightsAndPair();
      },
      setSampleModel(model) {
        const kind = oneOf(model, DIGIT_MODEL_KINDS);
        if (!kind) return;
        set({ sampleModel: kind });
        void sampler.request({ kind, epsLevel: get().sampleEpsLevel });
      },
      setSampleEps(eps) {
        const epsLevel = clampInt(eps, 0, DIGIT_MAX_EPS_LEVEL);
        if (epsLevel === undefined) return;
        set({ sampleEpsLevel: epsLevel });
        void sampler.request({ kind: get().sampleModel, epsLevel });
      },
    };

    return { ...initialLinearityState(), actions };
  });
}
