import type { MethodSettings, TrainingMethod } from "../../engine/digits/adversarial/types";

/** How each training method is named and drawn. */
export const METHOD_INFO: Record<
  TrainingMethod,
  { name: string; color: string; detail: (s: MethodSettings) => string }
> = {
  standard: { name: "Standard", color: "#495057", detail: () => "clean minibatches" },
  fgsm: {
    name: "FGSM training",
    color: "#e8590c",
    detail: (s) => `mixed loss, α = ${s.alpha}`,
  },
  pgd: {
    name: "PGD training",
    color: "#c2255c",
    detail: (s) => `PGD-${s.pgdSteps} from a random start`,
  },
  free: { name: "Free training", color: "#2f9e44", detail: (s) => `m = ${s.replays} replays` },
  fast: {
    name: "Fast FGSM",
    color: "#1c7ed6",
    detail: (s) =>
      `step ${s.fastStepRatio}ε, ${s.fastRandomStart ? "random" : "zero"} start${
        s.earlyStopping ? ", early stopping" : ""
      }`,
  },
};
