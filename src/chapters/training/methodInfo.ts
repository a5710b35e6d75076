import type { TrainingMethod } from "../../engine/digits/adversarial/types";

/** How each training method is named and drawn. */
export const METHOD_INFO: Record<TrainingMethod, { name: string; color: string }> = {
  standard: { name: "Standard", color: "#495057" },
  fgsm: { name: "FGSM training", color: "#e8590c" },
  pgd: { name: "PGD training", color: "#c2255c" },
  free: { name: "Free training", color: "#2f9e44" },
  fast: { name: "Fast FGSM", color: "#1c7ed6" },
};
