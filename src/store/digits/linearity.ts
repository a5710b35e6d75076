import { useStore } from "zustand";
import { digitsStore } from "./index";
import { createLinearityStore, type LinearityStore } from "./linearityStore";

/** Chapter 2's store: weight images, the class-pair view, error-vs-eps curves, samples. */
export const linearityStore = createLinearityStore(digitsStore);

export function useLinearity<T>(selector: (s: LinearityStore) => T): T {
  return useStore(linearityStore, selector);
}

export const selectLinearityActions = (s: LinearityStore) => s.actions;
export const selectWeights = (s: LinearityStore) => s.weights;
export const selectPair = (s: LinearityStore) => s.pair;
export const selectPairView = (s: LinearityStore) => s.pairView;
export const selectCurves = (s: LinearityStore) => s.curves;
export const selectSamples = (s: LinearityStore) => s.samples;
export const selectSampleModel = (s: LinearityStore) => s.sampleModel;
export const selectSampleEps = (s: LinearityStore) => s.sampleEpsLevel;
