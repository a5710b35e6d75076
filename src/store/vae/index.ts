import { useStore } from "zustand";
import { digitsStore } from "../digits";
import { fromPage } from "../fromPage";
import { createVaeStore, type VaeStore } from "./vaeStore";

/** The app's chapter 7 store; its jobs run in the digits worker. */
export const vaeStore = createVaeStore(digitsStore, fromPage("models/vae/"));

/** Reads from the chapter 7 store; pass a module-level selector. */
export function useVae<T>(selector: (s: VaeStore) => T): T {
  return useStore(vaeStore, selector);
}

export const selectVaeActions = (s: VaeStore) => s.actions;
export const selectVaeBeta = (s: VaeStore) => s.beta;
export const selectVaeEpsIndex = (s: VaeStore) => s.epsIndex;
export const selectVaeError = (s: VaeStore) => s.error;
export const selectVaeGrid = (s: VaeStore) => s.grid;
export const selectVaeKind = (s: VaeStore) => s.kind;
export const selectVaeMap = (s: VaeStore) => s.map;
export const selectVaeObjective = (s: VaeStore) => s.objective;
export const selectVaePath = (s: VaeStore) => s.path;
export const selectVaePicked = (s: VaeStore) => s.picked;
export const selectVaeRetrained = (s: VaeStore) => s.retrained[s.kind];
export const selectVaeSourceIndex = (s: VaeStore) => s.sourceIndex;
export const selectVaeStatus = (s: VaeStore) => s.status;
export const selectVaeTable = (s: VaeStore) => s.table;
export const selectVaeTableCount = (s: VaeStore) => s.tableCount;
export const selectVaeTarget = (s: VaeStore) => s.target;
export const selectVaeTrainEpochs = (s: VaeStore) => s.trainEpochs;
export const selectVaeTraining = (s: VaeStore) => s.training;
export const selectVaeWorking = (s: VaeStore) => s.status === "working";
export const selectVaeDrawn = (s: VaeStore) => s.drawn;
