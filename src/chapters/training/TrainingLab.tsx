import { useShallow } from "zustand/react/shallow";
import { useTraining } from "../../store/training";
import type { TrainingStore } from "../../store/training/trainingStore";
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
    <div className="training-lab" id="training-lab" data-phase={phase}>
      <TrainingControls />
      <p className="status-line" role="status">
        {phase === "error" ? <span className="error">{error}</span> : PHASE_TEXT[phase]}
        {backend && (
          <small>
            {" "}
            Training runs in a background worker on {backend.name.toUpperCase()}
            {backend.note && ` (${backend.note})`}.
          </small>
        )}
      </p>
      <LiveCurves />
    </div>
  );
}
