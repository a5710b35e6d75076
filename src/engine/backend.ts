import "./tfjsSetup";
import type { MathBackendWebGL } from "@tensorflow/tfjs-backend-webgl";
import * as tf from "@tensorflow/tfjs-core";
import { exposeForDebugging } from "../lib/debugHandle";
import { splitTechnical, withTechnical } from "../lib/errorMessage";
import {
  BACKEND_ORDER,
  type BackendName,
  type BackendPreference,
  type BackendStatus,
} from "./backendNames";
import { installFastCpuConvGradient } from "./kernels/cpuConvBackpropFilter";

export { BACKEND_ORDER, type BackendName, type BackendPreference, type BackendStatus };

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
  const note = withTechnical(
    "No graphics card available to this page: each attack on the photo takes several seconds.",
    `${technicalOf(current.note)}tfjs's ${current.name} backend has no gradients through MobileNet's depthwise convolutions, so chapter 1's attacks run on its plain-JavaScript cpu backend.`,
  );
  return { name: "cpu", fellBack: true, note };
}

/** A note's technical part, as the first sentence(s) of a longer one. */
const technicalOf = (note: string) => {
  const technical = splitTechnical(note).technical;
  return technical ? `${technical} ` : "";
};

/**
 * Runs `work` where convolutions can be trained: on cpu when the current backend (wasm) has no
 * conv gradients, switching back afterwards. tfjs moves each tensor to the backend that next
 * reads it, so weights made here serve on the old backend too.
 */
export async function withConvGradients<T>(work: () => Promise<T>): Promise<T> {
  const current = tf.getBackend();
  if (canDifferentiateConvnets(current)) return work();
  await switchBackend("cpu");
  try {
    return await work();
  } finally {
    await tf.setBackend(current);
  }
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
 * Picks the first backend that initialises, in BACKEND_ORDER, starting at `preferred` ("auto"
 * starts at webgl; a name is a `?backend=` override). `wasmBinaries` is where the .wasm
 * binaries are served (copied to public/ at build). With "auto", WebGL drawn in software gives
 * way to `withoutGpu`, a processor backend the calling worker has every kernel on: measured in
 * headless Chromium on 2 cores, software WebGL runs the workers' shaders in the GPU process,
 * where the page's own frames wait (gaps of 2.4 and 8.5 s between frames in a reader's walk,
 * 0.6 s at most on the processor), and it is slower for these small models (chapter 1's first
 * prediction 15.1 s vs 9.4 s on cpu; chapter 4's digit matrix 81 s vs 5.5 s on wasm).
 */
export async function initBackend(
  preferred: BackendPreference = "auto",
  wasmBinaries = "tfjs-wasm/",
  withoutGpu: BackendName = "cpu",
): Promise<BackendStatus> {
  // Allow WebGL drawn in software (GPU-less laptops, headless browsers): tfjs refuses it by
  // default, and it is what `?backend=webgl` asks for there.
  tf.env().set("SOFTWARE_WEBGL_ENABLED", true);
  wasmPath = wasmBinaries;
  const started = await firstThatStarts(preferred === "auto" ? "webgl" : preferred);
  if (preferred !== "auto" || !started.software) return started;
  if (!(await switchBackend(withoutGpu).catch(() => false))) return started;
  await tf.ready();
  tf.removeBackend("webgl"); // frees the software context
  return { name: withoutGpu, fellBack: false, software: true, note: "" };
}

/** The first backend of BACKEND_ORDER from `first` on that initialises. */
async function firstThatStarts(first: BackendName): Promise<BackendStatus> {
  for (const name of BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(first))) {
    let ok = false;
    try {
      ok = await switchBackend(name);
      if (ok) await tf.ready();
    } catch {
      ok = false;
    }
    if (ok) {
      const software = name === "webgl" && isSoftwareWebGL();
      return { name, fellBack: name !== first, software, note: fallbackNote(first, name) };
    }
  }
  throw new Error("No TensorFlow.js backend could start in this browser.");
}

/** What the reader can expect when `wanted` did not start, in plain words; the reason folded away. */
function fallbackNote(wanted: BackendName, got: BackendName): string {
  if (wanted === got) return "";
  if (wanted === "webgl")
    return withTechnical(
      "No graphics card available to this page: attacks take a few seconds each, training runs slower.",
      `The browser did not let TensorFlow.js start its WebGL backend here (in a Web Worker, through OffscreenCanvas); it computes on its ${got} backend.`,
    );
  return withTechnical(
    "The faster processor fallback did not start: attacks and training run slower.",
    `TensorFlow.js could not start its ${wanted} backend here; it computes on its ${got} backend.`,
  );
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
