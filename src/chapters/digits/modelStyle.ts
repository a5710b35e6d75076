import { type MarkerShape, OKABE_ITO } from "../../components/charts/palette";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";

/** How each digit model is drawn on chapter 2's charts: a palette colour and a marker shape. */
export const DIGIT_MODEL_STYLE: Record<DigitModelKind, { color: string; marker: MarkerShape }> = {
  softmax: { color: OKABE_ITO.vermillion, marker: "circle" },
  mlp: { color: OKABE_ITO.blue, marker: "square" },
  cnn: { color: OKABE_ITO.green, marker: "triangle" },
};
