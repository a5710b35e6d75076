import { BACKEND_ORDER, type BackendName } from "../engine/backendNames";

/**
 * The backend to try first: webgl, or `?backend=wasm` / `?backend=cpu` to start lower in the
 * fallback order (for trying the fallbacks).
 */
export function preferredBackend(search: string = location.search): BackendName {
  const wanted = new URLSearchParams(search).get("backend") as BackendName | null;
  return wanted && BACKEND_ORDER.includes(wanted) ? wanted : "webgl";
}
