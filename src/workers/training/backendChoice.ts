import * as tf from "@tensorflow/tfjs-core";
import {
  type BackendStatus,
  canDifferentiateConvnets,
  initBackend,
  isSoftwareWebGL,
  switchBackend,
} from "../../engine/backend";
import type { RunRequest } from "./protocol";

/**
 * Which backend the worker trains on. WebGL when it has a GPU. Without one (software WebGL),
 * wasm for the dense models: faster there, and it leaves the page's thread a core. Convnets
 * need conv gradients, which wasm lacks: they get the started backend (WebGL or cpu).
 */
export async function startTrainingBackend(
  preferred: Parameters<typeof initBackend>[0],
  wasmPath: string,
) {
  // Its own choice for software WebGL (below), made per run: "auto" starts at WebGL.
  const started = await initBackend(preferred === "auto" ? "webgl" : preferred, wasmPath);
  const software = started.name === "webgl" && isSoftwareWebGL();
  return {
    started,
    /** Switches to the best backend for these runs; returns the status to show. */
    async forRuns(runs: readonly RunRequest[]): Promise<BackendStatus> {
      const convnet = runs.some((r) => r.spec.kind === "cnn");
      const want = software && !convnet ? "wasm" : started.name;
      if (tf.getBackend() !== want && !(await switchBackend(want)))
        await switchBackend(started.name);
      if (convnet && !canDifferentiateConvnets()) await switchBackend("cpu");
      const name = tf.getBackend() as BackendStatus["name"];
      const note =
        name === "wasm" && software
          ? "there is no graphics card here, so the small dense models train on the processor directly, which is faster for them"
          : started.note;
      return { name, fellBack: started.fellBack, software: name === "webgl" && software, note };
    },
  };
}
