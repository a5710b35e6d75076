import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunProgress } from "../../components/controls/RunProgress";
import { TrainingButtons } from "../../components/controls/TrainingButtons";
import { formatPercent } from "../../components/format";
import { SMOOTHING_RECIPES } from "../../engine/smoothing/recipes";
import {
  selectSmoothingActions,
  selectSmoothingKind,
  selectSmoothRetrained,
  selectSmoothTrainEpochs,
  selectSmoothTraining,
  useSmoothing,
} from "../../store/armsRace";
import { SMOOTH_TRAIN_EPOCHS } from "../../store/armsRace/smoothingStore";

/**
 * Retrain the current base classifier under its noise, live in the digits worker: epochs,
 * pause, reset, and its accuracy on noisy test digits after each epoch.
 */
export function RetrainBasePanel() {
  const actions = useSmoothing(selectSmoothingActions);
  const kind = useSmoothing(selectSmoothingKind);
  const epochs = useSmoothing(selectSmoothTrainEpochs);
  const training = useSmoothing(selectSmoothTraining);
  const retrained = useSmoothing(selectSmoothRetrained);
  const active = training?.status === "running" || training?.status === "paused";
  const sigma = SMOOTHING_RECIPES[kind].sigma;
  return (
    <details className="panel smooth-training">
      <summary>Retrain the base classifier yourself</summary>
      <p className="panel-note">
        Chapter 2's CNN from its seeded start, trained here on the 8,000 training digits with fresh
        Gaussian noise of σ = {sigma} on every minibatch (Adam, as the shipped one was for 6
        epochs). When it ends, every certificate on this page uses it
        {retrained ? " (in use now: retrained weights)" : ""}. One epoch took about 20 seconds on a
        2-core laptop processor without a graphics card.
      </p>
      <div className="demo-toolbar">
        <NumberSelect
          className="field inline"
          label="Epochs"
          value={epochs}
          options={SMOOTH_TRAIN_EPOCHS}
          onChange={actions.setTrainEpochs}
          disabled={active}
        />
        <TrainingButtons
          status={active ? (training?.status === "paused" ? "paused" : "running") : "idle"}
          canReset={active || retrained}
          onTrain={actions.train}
          onPause={actions.pauseTraining}
          onResume={actions.resumeTraining}
          onReset={actions.resetTraining}
        />
        <RunProgress run={training} unit="minibatches" />
      </div>
      {training?.result && training.result.length > 0 && (
        <ol
          className="epoch-accuracies"
          aria-label="accuracy on noisy test digits after each epoch"
        >
          {training.result.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: epochs are the list's identity
            <li key={i}>
              Epoch {i + 1}: {formatPercent(a)} of the 2,000 test digits read right under noise of σ
              = {SMOOTHING_RECIPES[training.kind].sigma}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
