import type { BackendStatus } from "../engine/backendNames";

/**
 * Where the maths runs, in words for students ("your graphics card", "a slower fallback"), a
 * one- or two-word form for a phone's masthead, and the technical name for a tooltip.
 */
export function backendWords(status: BackendStatus): {
  plain: string;
  short: string;
  technical: string;
} {
  if (status.software)
    return {
      plain: "your processor (no graphics card)",
      short: "processor",
      technical:
        status.name === "webgl"
          ? "TensorFlow.js WebGL backend, rendered in software (no GPU found)"
          : `TensorFlow.js ${status.name} backend: no GPU found, and WebGL drawn in software is slower`,
    };
  if (status.name === "webgl")
    return {
      plain: "your graphics card",
      short: "graphics card",
      technical: "TensorFlow.js WebGL backend",
    };
  if (status.name === "wasm")
    return {
      plain: "a slower fallback",
      short: "fallback",
      technical: "TensorFlow.js WebAssembly (wasm) backend",
    };
  return {
    plain: "the slowest fallback",
    short: "slow fallback",
    technical: "TensorFlow.js cpu backend (plain JavaScript)",
  };
}
