import { useStore } from "zustand";
import { createLabStore, type LabStore } from "./labStore";

/** The app's one lab store; tests and stories can make their own with createLabStore(). */
export const labStore = createLabStore();

/** Reads from the lab store; pass a module-level selector (wrap with useShallow for objects). */
export function useLab<T>(selector: (s: LabStore) => T): T {
  return useStore(labStore, selector);
}

export const selectActions = (s: LabStore) => s.actions;

/** Resolves once the lab store has started a tfjs backend (other stores wait for it). */
export function whenBackendReady(store: typeof labStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().backend) return resolve();
    const unsubscribe = store.subscribe((s) => {
      if (!s.backend) return;
      unsubscribe();
      resolve();
    });
  });
}
