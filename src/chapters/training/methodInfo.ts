import type { TrainingMethod } from "../../engine/digits/adversarial/types";
import { FAST_WITH_STOPPING } from "../../store/training/trainingStore";

/** How each training method is named and drawn. */
export const METHOD_INFO: Record<TrainingMethod, { name: string; color: string }> = {
  standard: { name: "Standard", color: "#495057" },
  fgsm: { name: "FGSM training", color: "#e8590c" },
  pgd: { name: "PGD training", color: "#c2255c" },
  free: { name: "Free training", color: "#2f9e44" },
  fast: { name: "Fast FGSM", color: "#1c7ed6" },
};

/**
 * How a run is named and drawn: as its method, but the second fast run of an early-stopping
 * comparison gets a name and colour of its own.
 */
export function runInfo(run: { id: string; method: TrainingMethod }): {
  name: string;
  color: string;
} {
  if (run.id === FAST_WITH_STOPPING) return { name: "Fast FGSM, early stopping", color: "#7048e8" };
  return METHOD_INFO[run.method];
}
