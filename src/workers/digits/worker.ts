import { initBackend } from "../../engine/backend";
import type { Endpoint, FromWorkerMessage, ToWorkerMessage } from "../rpc/protocol";
import { serve } from "../rpc/serve";
import type { DigitsApi } from "./api";
import { createDigitsHandlers } from "./handlers";

/**
 * The digits worker: every tfjs call on digits (chapters 2-4, 7 and 8, and the attack zoo) runs
 * here, on the worker's own backend (WebGL through OffscreenCanvas, or a fallback), so the
 * page's main thread only draws. With
 * no graphics card it computes on wasm, which has every kernel these models' attacks need
 * (retraining the convnet borrows cpu).
 */
serve<DigitsApi>(
  self as unknown as Endpoint<ToWorkerMessage<DigitsApi>, FromWorkerMessage>,
  createDigitsHandlers({
    startBackend: (preferred, wasmPath) => initBackend(preferred, wasmPath, "wasm"),
  }),
);
