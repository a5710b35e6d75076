import "katex/dist/katex.min.css";
import "./styles.css";
import "./touch.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { exposeForDebugging } from "./lib/debugHandle";
import { labStore } from "./store";
import { registerServiceWorker } from "./store/appUpdate";
import { digitsStore } from "./store/digits";
import { transferStore } from "./store/digits/transfer";
import { preferredBackend } from "./store/preferredBackend";
import { trainingStore } from "./store/training";
import { restoreFromLink } from "./store/urlState/restore";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
const init = labStore.getState().actions.init(preferredBackend());
// A shared link's settings, once chapter 1 has its model and photo (bindings load only then).
// index.html's query guard has already dropped the parameters that do not decode.
const dropped = (window as { gibbonDroppedQuery?: number }).gibbonDroppedQuery ?? 0;
if (window.location.search.length > 1 || dropped > 0)
  void init.then(() => restoreFromLink(window.location.search, dropped));
void registerServiceWorker();
// Tests and benchmarks drive the digit chapters through these handles.
exposeForDebugging({ digits: digitsStore, transfer: transferStore, training: trainingStore });
