import { useStore } from "zustand";
import { digitsStore } from ".";
import { createStepsStore, type StepsStore } from "./stepsStore";

/** The app's one chapter-3 store, fed by the shared digits store. */
export const stepsStore = createStepsStore(digitsStore);

/** Reads from the chapter-3 store; pass a module-level selector. */
export function useSteps<T>(selector: (s: StepsStore) => T): T {
  return useStore(stepsStore, selector);
}

export const selectStepsActions = (s: StepsStore) => s.actions;
export const selectStepsModel = (s: StepsStore) => s.model;
export const selectEpsLevel = (s: StepsStore) => s.epsLevel;
export const selectClean = (s: StepsStore) => s.clean;
export const selectAttack = (s: StepsStore) => s.attack;
export const selectStepsStatus = (s: StepsStore) => s.status;
export const selectStepsError = (s: StepsStore) => s.error;
export const selectSource = (s: StepsStore) => s.source;
export const selectTestIndex = (s: StepsStore) => s.testIndex;
export const selectTestCount = (s: StepsStore) => s.testCount;
export const selectTrueLabel = (s: StepsStore) => s.trueLabel;
export const selectChosenLabel = (s: StepsStore) => s.chosenLabel;
