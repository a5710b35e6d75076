import { createStore, type StoreApi } from "zustand/vanilla";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import type { TransferAttack } from "../../engine/digits/transferMatrix";
import { clampInt, oneOf } from "../../engine/validate";
import { type JobFields, jobRunner } from "../jobSlot";
import type { DigitsStore } from "./digitsStore";
import { DIGIT_MAX_EPS_LEVEL } from "./robustnessLevels";

export interface TransferState {
  /** The settings the next run will use. */
  attack: TransferAttack;
  /** The matrix on screen and the settings it was computed with. */
  result:
    | (JobFields & {
        attack: TransferAttack;
        /** error[s][t], rows filled in as they finish (null until then). */
        error: (number[] | null)[];
        clean: number[] | null;
      })
    | null;
}

export interface TransferActions {
  setAttack(patch: Partial<TransferAttack>): void;
  /** Computes the matrix for the current settings (cancelling a run in progress). */
  compute(): void;
  /** Computes it once, the first time the chapter comes into view. */
  start(): void;
}

export type TransferStore = TransferState & { actions: TransferActions };

/** Most PGD steps the matrix runs per digit. */
export const MAX_TRANSFER_STEPS = 40;

export const initialTransferState = (): TransferState => ({
  attack: { kind: "fgsm", epsLevel: 26, steps: 5 },
  result: null,
});

/** The models in matrix order: rows (crafted on) and columns (evaluated on). */
export const MATRIX_MODELS: readonly DigitModelKind[] = DIGIT_MODEL_KINDS;

export function createTransferStore(digitsStore: StoreApi<DigitsStore>) {
  let started = false;
  return createStore<TransferStore>()((set, get) => {
    const matrix = jobRunner(
      () => get().result,
      (result) => set({ result }),
    );

    function compute(): Promise<void> {
      const attack = { ...get().attack };
      const initial = { status: "running" as const, done: 0, total: 1, message: null };
      const empty = { attack, error: MATRIX_MODELS.map(() => null), clean: null };
      return matrix.run({ ...initial, ...empty }, async ({ signal }, patch) => {
        await digitsStore.getState().actions.compute(
          "transferMatrix",
          { attack },
          {
            priority: "batch",
            signal,
            onProgress: (p) => {
              if (p.kind === "batches") return patch({ done: p.done, total: p.total });
              const error = [...(get().result?.error ?? [])];
              error[p.source] = p.row;
              patch({ error, clean: p.clean });
            },
          },
        );
        return {};
      });
    }

    // Retrained weights make the matrix stale: recompute it if one was shown.
    digitsStore.subscribe((s, prev) => {
      if (s.modelsVersion !== prev.modelsVersion && prev.modelsVersion > 0 && get().result)
        void compute();
    });

    return {
      ...initialTransferState(),
      actions: {
        setAttack(patch) {
          const prev = get().attack;
          const next = { ...prev, ...patch };
          const kind = oneOf(next.kind, ["fgsm", "pgd"] as const) ?? prev.kind;
          const epsLevel = clampInt(next.epsLevel, 0, DIGIT_MAX_EPS_LEVEL) ?? prev.epsLevel;
          const steps = clampInt(next.steps, 1, MAX_TRANSFER_STEPS) ?? prev.steps;
          set({ attack: { kind, epsLevel, steps } });
        },
        compute() {
          started = true;
          void compute();
        },
        start() {
          if (started) return;
          started = true;
          void compute();
        },
      },
    };
  });
}
