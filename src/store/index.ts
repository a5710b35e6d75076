import { useStore } from "zustand";
import type { ImagenetApi } from "../workers/imagenet/api";
import { connectWorker } from "../workers/rpc/connectWorker";
import { fromPage } from "./fromPage";
import { createLabStore, type LabStore } from "./labStore";

/** Starts the ImageNet worker (chapters 1 and 4) and connects to it. */
const imagenetWorker = () =>
  connectWorker<ImagenetApi>(
    new Worker(new URL("../workers/imagenet/worker.ts", import.meta.url), {
      type: "module",
      name: "gibbon-imagenet",
    }),
    "ImageNet worker",
  );

/** The app's one lab store; tests make their own with createLabStore() and an in-process worker. */
export const labStore = createLabStore({
  makeClient: imagenetWorker,
  wasmPath: fromPage("tfjs-wasm/"),
  pageUrl: fromPage(""),
});

/** Reads from the lab store; pass a module-level selector (wrap with useShallow for objects). */
export function useLab<T>(selector: (s: LabStore) => T): T {
  return useStore(labStore, selector);
}

export const selectActions = (s: LabStore) => s.actions;
