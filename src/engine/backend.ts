import "./tfjsSetup";
import type { MathBackendWebGL } from "@tensorflow/tfjs-backend-webgl";
import * as tf from "@tensorflow/tfjs-core";
import { BACKEND_ORDER, type BackendName, type BackendStatus } from "./backendNames";

import { exposeForDebugging } from "./debugHandle";
import { installFastCpuConvGradient } from "./kernels/cpuConvBackpropFilter";

export { BACKEND_ORDER, type BackendName, type BackendStatus };

/**
 * Kernels an attack needs that wasm lacks (GUIDE section 4): no gradients
 * through depthwise convolutions, so no FGSM on MobileNet there.
 */
const GRADIENT_KERNELS = [
  "DepthwiseConv2dNativeBackpropInput",
  "DepthwiseConv2dNativeBackpropFilter",
  "Conv2DBackpropFilter",
];

/** True when `backend` has every kernel needed to differentiate through a convnet. */
export function canDifferentiateConvnets(backend: string = tf.getBackend()): boolean {
  return GRADIENT_KERNELS.every((k) => tf.getKernel(k, backend) !== undefined);
}

/**
 * Attacks need input gradients through depthwise convolutions, which wasm
 * lacks: on such a backend, move to cpu and say so.
 */
export async function ensureGradientBackend(
  current: BackendStatus | null,
): Promise<BackendStatus | null> {
  if (!current || canDifferentiateConvnets()) return current;
  await switchBackend("cpu");
  const why =
    "This fallback cannot follow gradients through MobileNet's layers, so attacks run on the slowest one.";
  return { name: "cpu", fellBack: true, note: `${current.note} ${why}`.trim() };
}

let wasmPath = "tfjs-wasm/";

/** How each fallback's code is fetched and registered (webgl comes with tfjsSetup). */
const FALLBACKS: Partial<Record<BackendName, () => Promise<void>>> = {
  wasm: () => import("@tensorflow/tfjs-backend-wasm").then((wasm) => wasm.setWasmPaths(wasmPath)),
  // Conv training on cpu is ~6x faster with our kernel (it replaces tfjs's once registered).
  cpu: () => import("@tensorflow/tfjs-backend-cpu").then(installFastCpuConvGradient),
};
const registered = new Map<BackendName, Promise<void>>();

/**
 * Makes `name` tfjs's backend. The fallbacks' code (cpu, wasm) is fetched the first time one is
 * asked for, which most visits never do; wasm's binaries come from the path initBackend got.
 */
export async function switchBackend(name: BackendName): Promise<boolean> {
  const register = FALLBACKS[name];
  if (register && !registered.has(name)) registered.set(name, register());
  await registered.get(name);
  return tf.setBackend(name);
}

/**
 * Picks the first backend that initialises, in BACKEND_ORDER, starting at
 * `preferred` (a `?backend=` override for testing the fallbacks).
 * `wasmBinaries` is where the .wasm binaries are served (copied to public/ at build).
 */
export async function initBackend(
  preferred: BackendName = "webgl",
  wasmBinaries = "tfjs-wasm/",
): Promise<BackendStatus> {
  // Headless browsers and GPU-less laptops render WebGL in software; that is
  // still much faster than the cpu backend, so allow it.
  tf.env().set("SOFTWARE_WEBGL_ENABLED", true);
  wasmPath = wasmBinaries;
  const order = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(preferred));
  for (const name of order) {
    let ok = false;
    try {
      ok = await switchBackend(name);
      if (ok) await tf.ready();
    } catch {
      ok = false;
    }
    if (ok) {
      const software = name === "webgl" && isSoftwareWebGL();
      return { name, fellBack: name !== preferred, software, note: fallbackNote(preferred, name) };
    }
  }
  throw new Error("No TensorFlow.js backend could start in this browser.");
}

function fallbackNote(wanted: BackendName, got: BackendName): string {
  if (wanted === got) return "";
  const what = wanted === "webgl" ? "the graphics card" : "the faster fallback";
  return `This browser did not let the page use ${what}, so Gibbon computes on a slower fallback: attacks take longer.`;
}

/**
 * Calls `onLost` when the WebGL context behind tfjs is lost (driver reset, too
 * many tabs, or WEBGL_lose_context in tests). Returns an unsubscribe function.
 */
export function watchWebGLContext(onLost: () => void): () => void {
  if (tf.getBackend() !== "webgl") return () => {};
  const canvas = (tf.backend() as MathBackendWebGL).getGPGPUContext().gl.canvas;
  const handler = (ev: Event) => {
    ev.preventDefault();
    onLost();
  };
  canvas.addEventListener("webglcontextlost", handler);
  return () => canvas.removeEventListener("webglcontextlost", handler);
}

/** Exposes this thread's tfjs as `__gibbon.tf` (tests read tensor counts and the context). */
export function exposeTfForDebugging(): void {
  exposeForDebugging({ tf });
}

/**
 * True when tfjs's WebGL runs on a software rasteriser (SwiftShader, llvmpipe): no GPU. There,
 * wasm trains small dense models faster, and on one core instead of all of them.
 */
export function isSoftwareWebGL(): boolean {
  if (tf.getBackend() !== "webgl") return false;
  const gl = (tf.backend() as MathBackendWebGL).getGPGPUContext().gl;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|software/i.test(renderer);
}
