import { useStore } from "zustand";
import { labStore } from "..";
import { digitsStore } from "../digits";
import { createZooStore, type ZooStore } from "./zooStore";

/** The app's attack zoo store: photos in the ImageNet worker, digits in the digits worker. */
export const zooStore = createZooStore(labStore, digitsStore);

/** Reads from the zoo store; pass a module-level selector. */
export function useZoo<T>(selector: (s: ZooStore) => T): T {
  return useStore(zooStore, selector);
}

export const selectZooActions = (s: ZooStore) => s.actions;
export const selectZooSubject = (s: ZooStore) => s.subject;
export const selectZooDigit = (s: ZooStore) => s.digitIndex;
export const selectZooChosen = (s: ZooStore) => s.chosen;
export const selectZooEdits = (s: ZooStore) => s.edits;
export const selectZooComparison = (s: ZooStore) => s.comparison;
export const selectZooComparedOn = (s: ZooStore) => s.comparedOn;
export const selectZooStep = (s: ZooStore) => s.step;
export const selectZooWaitingForPhoto = (s: ZooStore) => s.waitingForPhoto;
export const selectZooSort = (s: ZooStore) => s.sort;
export const selectZooBatch = (s: ZooStore) => s.batch;
export const selectZooBatchCount = (s: ZooStore) => s.batchCount;
