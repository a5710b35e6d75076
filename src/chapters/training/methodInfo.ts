import { type MarkerShape, OKABE_ITO } from "../../components/charts/palette";
import type { TrainingMethod } from "../../engine/digits/adversarial/types";
import { FAST_WITH_STOPPING } from "../../store/training/trainingStore";

/** How a run is named and drawn: a colour of the page's palette and a marker shape of its own. */
export interface RunStyle {
  name: string;
  color: string;
  marker: MarkerShape;
}

/** How each training method is named and drawn (colour and shape both differ, for projectors). */
export const METHOD_INFO: Record<TrainingMethod, RunStyle> = {
  standard: { name: "Standard", color: OKABE_ITO.black, marker: "circle" },
  fgsm: { name: "FGSM training", color: OKABE_ITO.orange, marker: "square" },
  pgd: { name: "PGD training", color: OKABE_ITO.vermillion, marker: "triangle" },
  free: { name: "Free training", color: OKABE_ITO.green, marker: "diamond" },
  fast: { name: "Fast FGSM", color: OKABE_ITO.blue, marker: "triangleDown" },
};

/** The second fast run of an early-stopping comparison. */
const FAST_STOPPING_STYLE: RunStyle = {
  name: "Fast FGSM, early stopping",
  color: OKABE_ITO.purple,
  marker: "cross",
};

/**
 * How a run is named and drawn: as its method, but the second fast run of an early-stopping
 * comparison gets a name, colour and shape of its own.
 */
export function runInfo(run: { id: string; method: TrainingMethod }): RunStyle {
  return run.id === FAST_WITH_STOPPING ? FAST_STOPPING_STYLE : METHOD_INFO[run.method];
}
