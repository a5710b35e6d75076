import { BACKEND_ORDER, type BackendName, type BackendPreference } from "../engine/backendNames";

/**
 * The backend to ask the workers for: "auto", or `?backend=webgl|wasm|cpu` to start there in
 * the fallback order (for trying the fallbacks, or WebGL drawn in software).
 */
export function preferredBackend(search: string = location.search): BackendPreference {
  const wanted = new URLSearchParams(search).get("backend") as BackendName | null;
  return wanted && BACKEND_ORDER.includes(wanted) ? wanted : "auto";
}
