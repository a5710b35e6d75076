import { useStore } from "zustand";
import { labStore, whenBackendReady } from "../index";
import { createDigitsStore, type DigitsStore } from "./digitsStore";

/** The app's one digits store (MNIST data and the three built-in models, chapters 2-4). */
export const digitsStore = createDigitsStore(() => whenBackendReady(labStore));

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
