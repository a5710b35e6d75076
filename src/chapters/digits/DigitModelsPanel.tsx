import { useState } from "react";
import { formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModelKinds";
import { RECIPES } from "../../engine/digits/recipes";
import {
  selectDigitModels,
  selectDigitsActions,
  selectDigitsStatus,
  selectTraining,
  useDigits,
} from "../../store/digits";
import { DigitsFailure } from "./DigitsFailure";
import { TrainingChart } from "./TrainingChart";

/**
 * The three built-in digit models: what they are, their accuracy measured here on the 2,000 test
 * digits, and live retraining from their seeded start with a progress bar and curves.
 */
export function DigitModelsPanel() {
  const status = useDigits(selectDigitsStatus);
  const models = useDigits(selectDigitModels);
  const training = useDigits(selectTraining);
  const actions = useDigits(selectDigitsActions);
  const [kind, setKind] = useState<DigitModelKind>("mlp");
  const [epochs, setEpochs] = useState(2);
  const running = training?.status === "running";
  if (status === "error") return <DigitsFailure />;
  return (
    <section className="panel" aria-labelledby="digit-models-title">
      <h3 id="digit-models-title">Three digit models</h3>
      <Scroller label="digit models table">
        <table className="compare reflow" aria-label="digit models">
          <thead>
            <tr>
              <th scope="col">model</th>
              <th scope="col">layers</th>
              <th scope="col">test accuracy</th>
              <th scope="col">weights</th>
            </tr>
          </thead>
          <tbody>
            {DIGIT_MODEL_KINDS.map((k) => {
              const m = models[k];
              // Only the model being retrained changes; the others keep their numbers.
              const retraining = running && training.kind === k;
              return (
                <tr key={k} className={retraining ? "stale-row" : undefined}>
                  <th scope="row">{DIGIT_MODEL_INFO[k].name}</th>
                  <td data-label="layers">{DIGIT_MODEL_INFO[k].layers}</td>
                  <td data-label="test accuracy">
                    {m.testAccuracy === null ? "…" : formatPercent(m.testAccuracy)}
                  </td>
                  <td data-label="weights">
                    {retraining
                      ? "retraining…"
                      : m.status === "error"
                        ? m.error
                        : (m.source ?? "loading")}
                    {!retraining && m.source === "retrained" && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => actions.restoreShipped(k)}
                      >
                        restore shipped
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
      <div className="controls-row">
        <label>
          Retrain{" "}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as DigitModelKind)}
            disabled={running}
          >
            {DIGIT_MODEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {DIGIT_MODEL_INFO[k].shortName}
              </option>
            ))}
          </select>
        </label>
        <label>
          for{" "}
          <select
            value={epochs}
            onChange={(e) => setEpochs(Number(e.target.value))}
            disabled={running}
          >
            {[1, 2, 3, 5, 8, 10].map((n) => (
              <option key={n} value={n}>
                {n} epoch{n > 1 ? "s" : ""}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={actions.cancelTraining}>
            Stop
          </button>
        ) : (
          <button
            type="button"
            disabled={status !== "ready"}
            onClick={() => actions.retrain(kind, epochs)}
          >
            Retrain from scratch
          </button>
        )}
      </div>
      <p className="panel-note">
        Same seeded start and batch order as the shipped weights ({RECIPES[kind].epochs} epochs of
        Adam, batches of {RECIPES[kind].batchSize}, on the 8,000 training digits); the new weights
        replace the model everywhere on this page when the run ends.
      </p>
      {training && (
        <section className="training" aria-label="training run">
          <progress
            max={training.total}
            value={training.done}
            aria-label={`training ${DIGIT_MODEL_INFO[training.kind].shortName}`}
            className="wide-progress"
          />
          <p aria-live="polite">
            {DIGIT_MODEL_INFO[training.kind].shortName}: epoch {training.epoch}/{training.epochs},{" "}
            {training.status === "running"
              ? `batch ${training.done} of ${training.total}`
              : training.status}
            {training.message ? `: ${training.message}` : ""}
          </p>
          <TrainingChart points={training.points} />
        </section>
      )}
    </section>
  );
}
