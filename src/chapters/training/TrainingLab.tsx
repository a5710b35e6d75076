import { useShallow } from "zustand/react/shallow";
import type { BackendStatus } from "../../engine/backend";
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
  finished: "Done: every run has spent its budget.",
  error: "",
};

/**
 * Where the worker trains, in words for students, and the technical name for a tooltip. (The
 * worker picks wasm on purpose when there is no graphics card: there it is the faster choice.)
 */
function workerBackend(status: BackendStatus): { plain: string; technical: string } {
  // `software` is optional: not every backend status says whether WebGL has a GPU behind it.
  const software = (status as { software?: boolean }).software === true;
  if (status.name === "webgl" && !software)
    return { plain: "your graphics card", technical: "TensorFlow.js WebGL backend" };
  if (status.name === "webgl")
    return {
      plain: "your processor, through a software graphics driver",
      technical: "TensorFlow.js WebGL backend, rendered in software (no GPU found)",
    };
  if (status.name === "wasm")
    return { plain: "your processor", technical: "TensorFlow.js WebAssembly (wasm) backend" };
  return {
    plain: "your processor (the slowest fallback)",
    technical: "TensorFlow.js cpu backend (plain JavaScript)",
  };
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
              <span className="tech-term" title={workerBackend(backend).technical}>
                {workerBackend(backend).plain}
              </span>
              {backend.note && ` (${backend.note})`}.
            </small>
          )}
        </p>
        <LiveCurves />
      </div>
    </>
  );
}
