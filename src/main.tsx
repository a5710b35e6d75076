import "katex/dist/katex.min.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { BackendName } from "./engine/backend";
import { BACKEND_ORDER, exposeForDebugging } from "./engine/backend";
import { labStore } from "./store";
import { digitsStore } from "./store/digits";
import { transferStore } from "./store/digits/transferStore";

// `?backend=wasm` or `?backend=cpu` starts lower in the fallback order (for trying the fallbacks).
const wanted = new URLSearchParams(location.search).get("backend") as BackendName | null;
const preferred = wanted && BACKEND_ORDER.includes(wanted) ? wanted : "webgl";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void labStore.getState().actions.init(preferred);
// Tests and benchmarks drive the digit chapters through these handles.
exposeForDebugging({ digits: digitsStore, transfer: transferStore });
