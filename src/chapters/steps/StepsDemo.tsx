import { DigitModelPicker } from "../../components/controls/DigitModelPicker";
import { LevelSlider } from "../../components/controls/LevelSlider";
import { formatPercent } from "../../components/format";
import { DIGIT_MODEL_INFO } from "../../engine/digits/digitModelKinds";
import { selectDigitModels, selectDigitsStatus, useDigits } from "../../store/digits";
import {
  selectEpsLevel,
  selectStepsActions,
  selectStepsError,
  selectStepsModel,
  selectStepsStatus,
  useSteps,
} from "../../store/digits/steps";
import { STEPS_MAX_LEVEL } from "../../store/digits/stepsStore";
import { DigitsFailure } from "../digits/DigitsFailure";
import { BeforeAfter } from "./BeforeAfter";
import { DigitSourcePanel } from "./DigitSourcePanel";
import { StageTiles } from "./StageTiles";

/** The live half of chapter 3: pick a model and a digit, move ε, watch every stage. */
export function StepsDemo() {
  const actions = useSteps(selectStepsActions);
  const model = useSteps(selectStepsModel);
  const level = useSteps(selectEpsLevel);
  const status = useSteps(selectStepsStatus);
  const error = useSteps(selectStepsError);
  const digitsStatus = useDigits(selectDigitsStatus);
  const models = useDigits(selectDigitModels);
  const accuracy = models[model].testAccuracy;
  const loading = digitsStatus === "idle" || digitsStatus === "loading";

  return (
    <section className="demo steps-demo" aria-label="FGSM step by step, live">
      {loading && (
        <p className="steps-busy" role="status">
          Loading the MNIST digits and the three digit models…
        </p>
      )}
      {digitsStatus === "error" && <DigitsFailure />}
      {error && digitsStatus !== "error" && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="demo-toolbar steps-toolbar">
        <DigitModelPicker value={model} onChange={actions.setModel} label="Model to attack" />
        <span className="hint">
          {DIGIT_MODEL_INFO[model].name} ({DIGIT_MODEL_INFO[model].layers})
          {accuracy !== null ? `: ${formatPercent(accuracy)} right on the test digits` : ""}
        </span>
      </div>
      <DigitSourcePanel disabled={digitsStatus === "error"} />
      <LevelSlider
        level={level}
        max={STEPS_MAX_LEVEL}
        onChange={actions.setEpsLevel}
        unit="pixel"
      />
      <p className="steps-busy" aria-live="polite">
        {status === "working" ? "Computing the gradient…" : ""}
      </p>
      <StageTiles />
      <BeforeAfter />
    </section>
  );
}
