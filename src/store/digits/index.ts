import { useStore } from "zustand";
import type { DigitsApi } from "../../workers/digits/api";
import { createClient } from "../../workers/rpc/client";
import type { Endpoint, FromWorkerMessage, ToWorkerMessage } from "../../workers/rpc/protocol";
import { fromPage } from "../fromPage";
import { preferredBackend } from "../preferredBackend";
import { createDigitsStore, type DigitsStore } from "./digitsStore";

/** The digits worker, started with the page (it loads nothing until a chapter asks). */
function digitsWorker() {
  const worker = new Worker(new URL("../../workers/digits/worker.ts", import.meta.url), {
    type: "module",
    name: "gibbon-digits",
  });
  const client = createClient<DigitsApi>(
    worker as unknown as Endpoint<FromWorkerMessage, ToWorkerMessage<DigitsApi>>,
  );
  worker.onerror = (event) =>
    client.failAll(`The digits worker stopped: ${event.message || "it could not start"}.`);
  return client;
}

/** The app's one digits store (MNIST data and the three built-in models, chapters 2-4). */
export const digitsStore = createDigitsStore({
  client: digitsWorker(),
  backend: preferredBackend(),
  dataUrl: fromPage("data/mnist.bin.gz"),
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
