import { useStore } from "zustand";
import { connectWorker } from "../../workers/rpc/connectWorker";
import type { TrainingApi } from "../../workers/training/protocol";
import { fromPage } from "../fromPage";
import { pageDigits } from "../pageDigits";
import { preferredBackend } from "../preferredBackend";
import { createTrainingStore, type TrainingStore } from "./trainingStore";

/** Starts the training worker and connects to it. */
const trainingWorker = () =>
  connectWorker<TrainingApi>(
    new Worker(new URL("../../workers/training/worker.ts", import.meta.url), {
      type: "module",
      name: "gibbon-training",
    }),
    "training worker",
  );

/** The app's one training store (chapters 5-6); its worker starts on the first run. */
export const trainingStore = createTrainingStore({
  makeClient: trainingWorker,
  backend: preferredBackend(),
  digits: pageDigits,
  wasmPath: fromPage("tfjs-wasm/"),
});

/** Reads from the training store; pass a module-level selector. */
export function useTraining<T>(selector: (s: TrainingStore) => T): T {
  return useStore(trainingStore, selector);
}

export const selectTrainingActions = (s: TrainingStore) => s.actions;
export const selectTrainingRuns = (s: TrainingStore) => s.runs;
export const selectTrainingDeltas = (s: TrainingStore) => s.deltas;
