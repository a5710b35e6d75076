import type { StoreApi } from "zustand";
import { createStore } from "zustand/vanilla";
import type { DefenceHits } from "../../engine/defences/measureDefence";
import { ifValid, oneOf } from "../../engine/validate";
import { type BatchRun, batchRunner } from "../batchRun";
import type { DigitsStore } from "../digits/digitsStore";

/** Grey values the defence can keep, and the budgets it is tried at (k/255). */
export const DEFENCE_LEVELS = [2, 4, 8, 16] as const;
export const DEFENCE_EPS_LEVELS = [26, 51, 77] as const;
export const DEFENCE_COUNTS = [50, 100, 200, 500] as const;
/** PGD iterations, for PGD through the defence and for BPDA-PGD. */
export const DEFENCE_STEPS = 20;

export interface DefenceState {
  levels: number;
  epsLevel: number;
  count: number;
  /** The measured table, and the settings it was measured with. */
  table: (BatchRun<DefenceHits> & { levels: number; epsLevel: number }) | null;
}

export interface DefenceActions {
  setLevels(levels: number): void;
  setEpsLevel(level: number): void;
  setCount(count: number): void;
  /** Measures the table over the first `count` test digits, in the digits worker. */
  run(): void;
  cancel(): void;
}

export type DefenceStore = DefenceState & { actions: DefenceActions };

export const initialDefenceState = (): DefenceState => ({
  levels: 4,
  epsLevel: 51,
  count: 100,
  table: null,
});

/** Chapter 8's defence that looks robust until BPDA breaks it; its jobs run in the digits worker. */
export function createDefenceStore(digitsStore: StoreApi<DigitsStore>) {
  const compute = digitsStore.getState().actions.compute;
  return createStore<DefenceStore>()((set, get) => {
    // The settings of the run in progress (the runner drops every older run's reports).
    let measuring = { levels: 0, epsLevel: 0 };
    const runner = batchRunner<DefenceHits>((run) => set({ table: { ...run, ...measuring } }));
    return {
      ...initialDefenceState(),
      actions: {
        setLevels: (choice) => ifValid(oneOf(choice, DEFENCE_LEVELS), (levels) => set({ levels })),
        setEpsLevel: (choice) =>
          ifValid(oneOf(choice, DEFENCE_EPS_LEVELS), (epsLevel) => set({ epsLevel })),
        setCount: (choice) => ifValid(oneOf(choice, DEFENCE_COUNTS), (count) => set({ count })),
        run() {
          const { levels, epsLevel, count } = get();
          measuring = { levels, epsLevel };
          void runner.run(count, (signal, report) =>
            compute(
              "defenceTable",
              { levels, epsLevel, count, steps: DEFENCE_STEPS, seed: 1 },
              {
                priority: "batch",
                signal,
                onProgress: (p) => report({ done: p.done, total: p.total, partial: p.hits }),
              },
            ),
          );
        },
        cancel: () => runner.cancel(),
      },
    };
  });
}
