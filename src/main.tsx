import "katex/dist/katex.min.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { exposeForDebugging } from "./engine/debugHandle";
import { labStore } from "./store";
import { digitsStore } from "./store/digits";
import { transferStore } from "./store/digits/transfer";
import { preferredBackend } from "./store/preferredBackend";
import { trainingStore } from "./store/training";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void labStore.getState().actions.init(preferredBackend());
// Tests and benchmarks drive the digit chapters through these handles.
exposeForDebugging({ digits: digitsStore, transfer: transferStore, training: trainingStore });
