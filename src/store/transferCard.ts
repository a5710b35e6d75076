import { useStore } from "zustand";
import { createImagenetTransferStore, type ImagenetTransferStore } from "./imagenetTransfer";
import { labStore } from "./index";

/** The page's one transfer-card store. */
export const imagenetTransferStore = createImagenetTransferStore(labStore);

/** Reads from the transfer-card store; pass a module-level selector. */
export function useImagenetTransfer<T>(selector: (s: ImagenetTransferStore) => T): T {
  return useStore(imagenetTransferStore, selector);
}

export const selectTransferModel = (s: ImagenetTransferStore) => s.model;
export const selectTransferActions = (s: ImagenetTransferStore) => s.actions;
export const selectTransferAttack = (s: ImagenetTransferStore) => s.attack;
export const selectDarknetClean = (s: ImagenetTransferStore) => s.clean;
export const selectDarknetAdversarial = (s: ImagenetTransferStore) => s.adversarial;
export const selectTransferError = (s: ImagenetTransferStore) => s.error;
