import { useShallow } from "zustand/react/shallow";
import { KeySample } from "../../components/charts/SeriesKey";
import { DigitModelPicker } from "../../components/controls/DigitModelPicker";
import { LevelSlider } from "../../components/controls/LevelSlider";
import { TRAINING_METHODS, type TrainingMethod } from "../../engine/digits/adversarial/types";
import { selectTrainingActions, useTraining } from "../../store/training";
import type { TrainingStore } from "../../store/training/trainingStore";
import { MAX_TRAINING_SEED, TRAINING_BUDGETS } from "../../store/training/trainingStore";
import { METHOD_INFO } from "./methodInfo";
import { applyPreset, OVERFITTING } from "./presets";

const selectControls = (s: TrainingStore) => ({ setup: s.setup, phase: s.phase });
const SPEEDS = [
  { label: "full speed", delayMs: 0 },
  { label: "slow", delayMs: 150 },
  { label: "slow motion", delayMs: 600 },
];
/** Largest training epsilon offered: 0.3, Madry et al.'s MNIST budget (77/255). */
const MAX_LEVEL = 77;

const selectEarlyStopping = (s: TrainingStore) =>
  s.setup.compareEarlyStopping ? "both" : s.setup.settings.earlyStopping ? "on" : "off";

/** Fast training's early stopping: on, off, or both (two runs from the same start). */
function EarlyStoppingChoice({ disabled }: { disabled: boolean }) {
  const value = useTraining(selectEarlyStopping);
  const { configure, setSettings } = useTraining(selectTrainingActions);
  return (
    <label className="knob">
      early stopping
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const choice = e.target.value;
          configure({ compareEarlyStopping: choice === "both" });
          if (choice !== "both") setSettings({ earlyStopping: choice === "on" });
        }}
      >
        <option value="on">on</option>
        <option value="off">off</option>
        <option value="both">off and on, side by side</option>
      </select>
    </label>
  );
}

/** One method's own knob, shown next to its checkbox. */
function MethodKnob({ method, disabled }: { method: TrainingMethod; disabled: boolean }) {
  const settings = useTraining((s) => s.setup.settings);
  const { setSettings } = useTraining(selectTrainingActions);
  const number = (
    label: string,
    value: number,
    min: number,
    max: number,
    step: number,
    onChange: (v: number) => void,
  ) => (
    <label className="knob">
      {label}
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v >= min && v <= max) onChange(v);
        }}
      />
    </label>
  );
  switch (method) {
    case "fgsm":
      return number("α (clean weight)", settings.alpha, 0, 1, 0.1, (alpha) =>
        setSettings({ alpha }),
      );
    case "pgd":
      return number("k steps", settings.pgdSteps, 1, 20, 1, (pgdSteps) =>
        setSettings({ pgdSteps }),
      );
    case "free":
      return number("m replays", settings.replays, 1, 16, 1, (replays) => setSettings({ replays }));
    case "fast":
      return (
        <>
          {number("step / ε", settings.fastStepRatio, 0.25, 4, 0.25, (fastStepRatio) =>
            setSettings({ fastStepRatio }),
          )}
          <label className="knob">
            <input
              type="checkbox"
              checked={settings.fastRandomStart}
              disabled={disabled}
              onChange={(e) => setSettings({ fastRandomStart: e.target.checked })}
            />
            random start
          </label>
          <EarlyStoppingChoice disabled={disabled} />
          <button
            type="button"
            className="link-button"
            disabled={disabled}
            onClick={() => applyPreset(OVERFITTING)}
          >
            settings that overfit catastrophically
          </button>
        </>
      );
    default:
      return null;
  }
}

/** Run buttons: what can be done depends on the phase. */
function RunButtons() {
  const phase = useTraining((s) => s.phase);
  const actions = useTraining(selectTrainingActions);
  const running = phase === "running" || phase === "pausing";
  return (
    <>
      {phase === "paused" || phase === "pausing" ? (
        <button type="button" onClick={actions.resume}>
          Resume
        </button>
      ) : (
        // aria-disabled, not disabled, while the worker starts: a disabled button drops the
        // keyboard focus, and a keyboard user pressing it would then have to find it again.
        <button
          type="button"
          onClick={phase === "starting" ? undefined : running ? actions.pause : actions.start}
          aria-disabled={phase === "starting"}
        >
          {running ? "Pause" : phase === "done" ? "Train again" : "Train"}
        </button>
      )}
      <button type="button" onClick={actions.reset} disabled={phase === "idle"}>
        Reset
      </button>
    </>
  );
}

/** Chapter 5's lab controls: methods, model, epsilon, budget, speed and the run buttons. */
export function TrainingControls() {
  const { setup, phase } = useTraining(useShallow(selectControls));
  const actions = useTraining(selectTrainingActions);
  // Settings are fixed while runs exist, so every curve on screen has one setting.
  const locked = phase !== "idle" && phase !== "error";
  const level = Math.round(setup.settings.eps * 255);
  return (
    <div className="training-controls">
      <fieldset className="method-list" disabled={locked}>
        <legend>Methods, trained side by side</legend>
        {TRAINING_METHODS.map((m) => (
          <div className="method-row" key={m}>
            <label>
              <input
                type="checkbox"
                checked={setup.methods.includes(m)}
                onChange={(e) => actions.toggleMethod(m, e.target.checked)}
              />
              <KeySample item={{ ...METHOD_INFO[m], noLine: true }} />
              {METHOD_INFO[m].name}
            </label>
            <MethodKnob method={m} disabled={locked} />
          </div>
        ))}
      </fieldset>
      <fieldset className="training-setup" disabled={locked}>
        <legend>Model and budget</legend>
        <DigitModelPicker
          label="Model to train"
          value={setup.kind}
          onChange={(kind) => actions.configure({ kind })}
        />
        <LevelSlider
          level={level}
          max={MAX_LEVEL}
          onChange={(l) => actions.setSettings({ eps: l / 255 })}
          unit="pixel"
          label="training and test epsilon (grey levels out of 255)"
          title={
            <>
              Attack budget <i>ε</i> (training and test)
            </>
          }
        />
        <label>
          Seed{" "}
          <input
            type="number"
            className="seed-input"
            min={1}
            max={MAX_TRAINING_SEED}
            step={1}
            value={setup.seed}
            onChange={(e) => {
              const seed = Number(e.target.value);
              if (Number.isInteger(seed) && seed >= 1 && seed <= MAX_TRAINING_SEED)
                actions.configure({ seed });
            }}
          />
        </label>
        <label>
          Budget, in epochs of standard training:{" "}
          <select
            value={setup.budgetEpochs}
            onChange={(e) => actions.configure({ budgetEpochs: Number(e.target.value) })}
          >
            {TRAINING_BUDGETS.map((b) => (
              <option key={b} value={b}>
                {b} epoch{b === 1 ? "" : "s"}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="button-row run-row">
        <RunButtons />
        <label>
          Speed{" "}
          <select
            value={setup.delayMs}
            onChange={(e) => actions.configure({ delayMs: Number(e.target.value) })}
          >
            {SPEEDS.map((s) => (
              <option key={s.delayMs} value={s.delayMs}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {locked && <span className="hint">Reset to change the methods or settings.</span>}
      </div>
    </div>
  );
}
