/**
 * The backends' names and how one started, as plain data: the page reads these without
 * loading tfjs (which runs in the workers).
 */

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
