import { useStore } from "zustand";
import type { DigitsApi } from "../../workers/digits/api";
import { connectWorker } from "../../workers/rpc/connectWorker";
import { fromPage } from "../fromPage";
import { pageDigits } from "../pageDigits";
import { preferredBackend } from "../preferredBackend";
import { createDigitsStore, type DigitsStore } from "./digitsStore";

/** Starts the digits worker (when a chapter of 2-4 first asks) and connects to it. */
const digitsWorker = () =>
  connectWorker<DigitsApi>(
    new Worker(new URL("../../workers/digits/worker.ts", import.meta.url), {
      type: "module",
      name: "gibbon-digits",
    }),
    "digits worker",
  );

/** The app's one digits store (MNIST data and the three built-in models: chapters 2-4, 7 and 8 and the attack zoo). */
export const digitsStore = createDigitsStore({
  makeClient: digitsWorker,
  backend: preferredBackend(),
  digits: pageDigits,
  weightsUrl: fromPage("models/digits/"),
  wasmPath: fromPage("tfjs-wasm/"),
});

/** Reads from the digits store; pass a module-level selector. */
export function useDigits<T>(selector: (s: DigitsStore) => T): T {
  return useStore(digitsStore, selector);
}

export const selectDigitsActions = (s: DigitsStore) => s.actions;
export const selectDigitsStatus = (s: DigitsStore) => s.status;
export const selectDigitsError = (s: DigitsStore) => s.error;
export const selectDigitModels = (s: DigitsStore) => s.models;
export const selectModelsVersion = (s: DigitsStore) => s.modelsVersion;
export const selectTraining = (s: DigitsStore) => s.training;
