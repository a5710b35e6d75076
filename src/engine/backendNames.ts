/**
 * The backends' names and how one started, as plain data: the page reads these without
 * loading tfjs (which runs in the workers).
 */

/** The backends Gibbon tries, fastest first. */
export type BackendName = "webgl" | "wasm" | "cpu";
export const BACKEND_ORDER: readonly BackendName[] = ["webgl", "wasm", "cpu"];

/**
 * What the page asks a worker for: "auto" is the graphics card when there is one, else the
 * processor directly; a name (`?backend=webgl`, for tests and comparisons) is taken as asked,
 * even WebGL drawn in software.
 */
export type BackendPreference = BackendName | "auto";

export interface BackendStatus {
  name: BackendName;
  /** True when a faster backend than `name` was wanted and failed. */
  fellBack: boolean;
  /**
   * No graphics card: WebGL is drawn by the processor (SwiftShader, llvmpipe), or "auto" chose
   * a processor backend for that reason.
   */
  software?: boolean;
  /** One plain sentence for the page, in words a student reads; empty when all is well. */
  note: string;
}
