import type * as tfl from "@tensorflow/tfjs-layers";
import type { LogitsFn } from "../../engine/types";

/** One digit model in the digits worker's slot, and its logits. */
export interface DigitModel {
  model: tfl.LayersModel;
  logits: LogitsFn;
}
