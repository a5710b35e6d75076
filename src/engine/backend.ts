import "./tfjsSetup";
import { MathBackendWebGL } from "@tensorflow/tfjs-backend-webgl";
import * as tf from "@tensorflow/tfjs-core";
import { installFastCpuConvGradient } from "./kernels/cpuConvBackpropFilter";

/** The backends Gibbon tries, fastest first. */
export type BackendName = "webgl" | "wasm" | "cpu";
export const BACKEND_ORDER: readonly BackendName[] = ["webgl", "wasm", "cpu"];

export interface BackendStatus {
  name: BackendName;
  /** True when a faster backend than `name` was wanted and failed. */
  fellBack: boolean;
  /** WebGL drawn by the processor (SwiftShader, llvmpipe): no graphics card, much slower. */
  software?: boolean;
  /** One plain sentence for the page, in words a student reads; empty when all is well. */
  note: string;
}

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

/**
 * Replaces the dead webgl backend with a fresh one. Every tensor it held is
 * gone: the caller rebuilds its model and inputs afterwards.
 */
export async function restartWebGL(): Promise<BackendStatus> {
  tf.removeBackend("webgl");
  tf.registerBackend("webgl", () => new MathBackendWebGL(), 2);
  return initBackend("webgl");
}

/** Test and debugging handle: the page exposes tfjs as `window.__gibbon.tf` (calls add to it). */
export function exposeForDebugging(extra: Record<string, unknown> = {}): void {
  const g = globalThis as unknown as { __gibbon?: Record<string, unknown> };
  g.__gibbon = { ...g.__gibbon, tf, ...extra };
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
