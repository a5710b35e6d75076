/** Test-only: a worker's backend start on tfjs cpu (Node has no WebGL). */
import * as tf from "@tensorflow/tfjs-core";
import type { BackendStatus } from "../../../engine/backendNames";

export async function startCpuBackend(): Promise<BackendStatus> {
  await tf.setBackend("cpu");
  return { name: "cpu", fellBack: false, software: false, note: "" };
}
