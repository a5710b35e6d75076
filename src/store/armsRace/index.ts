import { useStore } from "zustand";
import { digitsStore } from "../digits";
import { fromPage } from "../fromPage";
import { createDefenceStore, type DefenceStore } from "./defenceStore";
import { createSmoothingStore, type SmoothingStore } from "./smoothingStore";
import { createWordSwapStore, type WordSwapStore } from "./wordSwapStore";

/** The app's chapter 8 stores; their jobs run in the digits worker. */
export const defenceStore = createDefenceStore(digitsStore);
export const smoothingStore = createSmoothingStore(digitsStore, fromPage("models/smoothing/"));
export const wordSwapStore = createWordSwapStore(digitsStore, fromPage("data/sentences.tsv"));

/** Reads from the defence store; pass a module-level selector. */
export function useDefence<T>(selector: (s: DefenceStore) => T): T {
  return useStore(defenceStore, selector);
}

/** Reads from the smoothing store; pass a module-level selector. */
export function useSmoothing<T>(selector: (s: SmoothingStore) => T): T {
  return useStore(smoothingStore, selector);
}

/** Reads from the word-swap store; pass a module-level selector. */
export function useWordSwap<T>(selector: (s: WordSwapStore) => T): T {
  return useStore(wordSwapStore, selector);
}

export const selectDefenceActions = (s: DefenceStore) => s.actions;
export const selectDefenceLevels = (s: DefenceStore) => s.levels;
export const selectDefenceEpsLevel = (s: DefenceStore) => s.epsLevel;
export const selectDefenceCount = (s: DefenceStore) => s.count;
export const selectDefenceTable = (s: DefenceStore) => s.table;

export const selectSmoothingActions = (s: SmoothingStore) => s.actions;
export const selectSmoothingKind = (s: SmoothingStore) => s.kind;
export const selectSmoothingN0 = (s: SmoothingStore) => s.n0;
export const selectSmoothingN = (s: SmoothingStore) => s.n;
export const selectSmoothingAlpha = (s: SmoothingStore) => s.alpha;
export const selectSmoothingSource = (s: SmoothingStore) => s.sourceIndex;
export const selectSmoothingDrawn = (s: SmoothingStore) => s.drawn;
export const selectCertificate = (s: SmoothingStore) => s.certificate;
export const selectAttackRadius = (s: SmoothingStore) => s.attackRadius;
export const selectSmoothAttack = (s: SmoothingStore) => s.attack;
export const selectCurveCount = (s: SmoothingStore) => s.curveCount;
export const selectCurveN = (s: SmoothingStore) => s.curveN;
export const selectCurves = (s: SmoothingStore) => s.curves;
export const selectSmoothTraining = (s: SmoothingStore) => s.training;
export const selectSmoothTrainEpochs = (s: SmoothingStore) => s.trainEpochs;
export const selectSmoothRetrained = (s: SmoothingStore) => s.retrained[s.kind];
export const selectRadiusBound = (s: SmoothingStore) => s.bound;
export const selectSmoothingError = (s: SmoothingStore) => s.error;

export const selectWordSwapActions = (s: WordSwapStore) => s.actions;
export const selectTextTraining = (s: WordSwapStore) => s.training;
export const selectTextModel = (s: WordSwapStore) => s.model;
export const selectSentence = (s: WordSwapStore) => s.sentence;
export const selectMaxSwaps = (s: WordSwapStore) => s.maxSwaps;
export const selectWordSwap = (s: WordSwapStore) => s.attack;
export const selectFlipRate = (s: WordSwapStore) => s.flipRate;
