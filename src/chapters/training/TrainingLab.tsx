import { useShallow } from "zustand/react/shallow";
import { backendWords } from "../../components/backendWords";
import { TechTerm } from "../../components/TechTerm";
import type { BackendStatus } from "../../engine/backendNames";
import { splitTechnical } from "../../lib/errorMessage";
import { useTraining } from "../../store/training";
import type { TrainingStore } from "../../store/training/trainingStore";
import { LabPresets } from "./LabPresets";
import { TrainingControls } from "./TrainingControls";
import { TrainingCurves } from "./TrainingCurves";

const selectStatus = (s: TrainingStore) => ({ phase: s.phase, error: s.error, backend: s.backend });
const selectCurves = (s: TrainingStore) => ({ runs: s.runs, setup: s.setup });

const PHASE_TEXT: Record<TrainingStore["phase"], string> = {
  idle: "Pick methods and press Train.",
  starting: "Starting the training worker and loading the digits…",
  running: "Training…",
  pausing: "Pausing after the current minibatch…",
  paused: "Paused.",
  done: "Done: every run has spent its budget.",
  cancelled: "Stopped.",
  error: "",
};

/**
 * Where the worker trains, in words for students, and the technical name for a tooltip. Without
 * a graphics card the worker picks wasm on purpose (it is the faster choice there for the dense
 * models), so that is "your processor", not the page's "slower fallback".
 */
function workerBackend(status: BackendStatus): { plain: string; technical: string } {
  if (status.name === "wasm")
    return { plain: "your processor", technical: "TensorFlow.js WebAssembly (wasm) backend" };
  return backendWords(status);
}

/** The live part of the lab; only it redraws as the runs advance. */
function LiveCurves() {
  const { runs, setup } = useTraining(useShallow(selectCurves));
  return (
    <TrainingCurves
      runs={runs}
      eps={runs[0]?.spec.settings.eps ?? setup.settings.eps}
      evalSteps={setup.evalSteps}
      evalDigits={setup.evalDigits}
      budgetEpochs={setup.budgetEpochs}
    />
  );
}

/** Chapter 5's lab: the controls, the run status and the live curves. */
export function TrainingLab() {
  const { phase, error, backend } = useTraining(useShallow(selectStatus));
  return (
    <>
      <LabPresets />
      <div className="training-lab" id="training-lab" data-phase={phase}>
        <TrainingControls />
        <p className="status-line" role="status">
          {phase === "error" ? <span className="error">{error}</span> : PHASE_TEXT[phase]}
          {backend && (
            <small>
              {" "}
              Training runs in the background on{" "}
              <TechTerm technical={workerBackend(backend).technical}>
                {workerBackend(backend).plain}
              </TechTerm>
              {backend.note && ` (${splitTechnical(backend.note).plain})`}.
            </small>
          )}
        </p>
        <LiveCurves />
      </div>
    </>
  );
}
