import { DrawDigitCanvas } from "../../components/canvas/DrawDigitCanvas";
import { formatPercent } from "../../components/format";
import {
  selectChosenLabel,
  selectClean,
  selectSource,
  selectStepsActions,
  selectStepsStatus,
  selectTestCount,
  selectTestIndex,
  selectTrueLabel,
  useSteps,
} from "../../store/digits/steps";
import { topDigit } from "./stepsFormat";

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

/** Choosing the digit to attack: step through the test digits, or draw one. */
export function DigitSourcePanel({ disabled }: { disabled: boolean }) {
  const actions = useSteps(selectStepsActions);
  const source = useSteps(selectSource);
  const index = useSteps(selectTestIndex);
  const count = useSteps(selectTestCount);
  const trueLabel = useSteps(selectTrueLabel);
  const chosen = useSteps(selectChosenLabel);
  const clean = useSteps(selectClean);
  const working = useSteps(selectStepsStatus) === "working";
  const noDigits = disabled || count === 0;
  const guess = clean && !working ? topDigit(clean.probs) : null;

  return (
    <div className="digit-source">
      <fieldset className="test-picker">
        <legend>A test digit</legend>
        <p className="picker-status" aria-live="polite">
          {source === "test" ? (
            count > 0 ? (
              <>
                Digit <b>{index + 1}</b> of {count.toLocaleString("en")}, true label{" "}
                <b>{trueLabel ?? "…"}</b>
              </>
            ) : (
              "Loading the test digits…"
            )
          ) : (
            <>Showing your drawing; pick a test digit to go back.</>
          )}
        </p>
        <div className="picker-buttons">
          <button
            type="button"
            className="secondary"
            onClick={() => actions.stepTest(-1)}
            disabled={noDigits}
            aria-label="Previous test digit"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => actions.stepTest(1)}
            disabled={noDigits}
            aria-label="Next test digit"
          >
            Next →
          </button>
          <button
            type="button"
            className="secondary"
            onClick={actions.randomTest}
            disabled={noDigits}
            aria-label="Random test digit"
          >
            Random
          </button>
        </div>
        <p className="hint">
          These digits were held out: none of the three models trained on them.
        </p>
      </fieldset>
      <fieldset className="draw-picker">
        <legend>Or draw one</legend>
        <DrawDigitCanvas onDrawing={actions.useDrawing} />
        {source === "drawn" && (
          <div className="drawn-label">
            <p aria-live="polite">
              The model reads your drawing as{" "}
              <b className="drawn-guess">{guess ? guess.digit : "…"}</b>
              {guess ? ` (${formatPercent(guess.p)}).` : ""}
            </p>
            <label>
              Attack the label{" "}
              <select
                value={chosen ?? ""}
                onChange={(e) =>
                  actions.chooseLabel(e.target.value === "" ? null : Number(e.target.value))
                }
              >
                <option value="">the model's guess</option>
                {DIGITS.map((d) => (
                  <option key={d} value={d}>
                    {d} (the digit I meant)
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </fieldset>
    </div>
  );
}
