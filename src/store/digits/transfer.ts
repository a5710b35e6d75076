import { useStore } from "zustand";
import { digitsStore } from "./index";
import { createTransferStore, type TransferStore } from "./transferStore";

/** The app's transfer-matrix store (chapter 4). */
export const transferStore = createTransferStore(digitsStore);

export function useTransfer<T>(selector: (s: TransferStore) => T): T {
  return useStore(transferStore, selector);
}

export const selectTransferActions = (s: TransferStore) => s.actions;
export const selectTransferAttack = (s: TransferStore) => s.attack;
export const selectTransferResult = (s: TransferStore) => s.result;
