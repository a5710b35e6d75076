import { useStore } from "zustand";
import { fromPage } from "../fromPage";
import { preferredBackend } from "../preferredBackend";
import { createTrainingStore, type TrainingStore, type WorkerLike } from "./trainingStore";

/** The app's one training store (chapters 5-6); its worker starts on the first run. */
export const trainingStore = createTrainingStore({
  makeWorker: () =>
    new Worker(new URL("../../workers/training/worker.ts", import.meta.url), {
      type: "module",
      name: "gibbon-training",
    }) as unknown as WorkerLike,
  backend: preferredBackend(),
  dataUrl: fromPage("data/mnist.bin.gz"),
  wasmPath: fromPage("tfjs-wasm/"),
});

/** Reads from the training store; pass a module-level selector. */
export function useTraining<T>(selector: (s: TrainingStore) => T): T {
  return useStore(trainingStore, selector);
}

export const selectTrainingActions = (s: TrainingStore) => s.actions;
export const selectTrainingRuns = (s: TrainingStore) => s.runs;
export const selectTrainingDeltas = (s: TrainingStore) => s.deltas;
