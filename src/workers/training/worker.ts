import type { Endpoint, FromWorkerMessage, ToWorkerMessage } from "../rpc/protocol";
import { serve } from "../rpc/serve";
import { startTrainingBackend } from "./backendChoice";
import { createTrainingHandlers } from "./handlers";
import type { TrainingApi } from "./protocol";

/**
 * The training worker: all of chapters 5-6's tfjs work runs here, on its own WebGL context
 * (OffscreenCanvas), so the page's main thread only draws. API: see protocol.ts.
 */
serve<TrainingApi>(
  self as unknown as Endpoint<ToWorkerMessage<TrainingApi>, FromWorkerMessage>,
  createTrainingHandlers({ startBackend: startTrainingBackend }),
);
