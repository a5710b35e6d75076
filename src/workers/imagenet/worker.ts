import { exposeTfForDebugging, initBackend } from "../../engine/backend";
import type { Endpoint, FromWorkerMessage, ToWorkerMessage } from "../rpc/protocol";
import { serve } from "../rpc/serve";
import type { ImagenetApi } from "./api";
import { createImagenetHandlers } from "./handlers";

/**
 * The ImageNet worker: chapter 1's MobileNet and attacks, and chapter 4's Darknet, run here on
 * the worker's own backend (WebGL through OffscreenCanvas, or a fallback), so the page's main
 * thread only draws. With no graphics card it computes on cpu (wasm cannot follow gradients
 * through MobileNet's depthwise convolutions). Tests reach its tfjs as `self.__gibbon.tf`.
 */
serve<ImagenetApi>(
  self as unknown as Endpoint<ToWorkerMessage<ImagenetApi>, FromWorkerMessage>,
  createImagenetHandlers({ startBackend: initBackend }),
);
exposeTfForDebugging();
