import { LevelSlider } from "../../components/controls/LevelSlider";
import { formatEpsilon, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import { DIGIT_MODEL_INFO } from "../../engine/digits/digitModelKinds";
import { strongestTransfer } from "../../engine/digits/transferMatrix";
import { DIGIT_MAX_EPS_LEVEL } from "../../store/digits/robustnessLevels";
import {
  selectTransferActions,
  selectTransferAttack,
  selectTransferResult,
  useTransfer,
} from "../../store/digits/transfer";
import { MATRIX_MODELS, MAX_TRANSFER_STEPS } from "../../store/digits/transferStore";

const name = (i: number) => DIGIT_MODEL_INFO[MATRIX_MODELS[i]].shortName;

/** A cell's background: pale at 0, the attack colour (Okabe-Ito vermillion, --adv) at 100%. */
const heat = (rate: number) => `rgba(213, 94, 0, ${(0.08 + 0.6 * rate).toFixed(3)})`;

/** The source x target matrix of error rates on the 2,000 test digits, filled in live. */
export function TransferMatrixPanel() {
  const attack = useTransfer(selectTransferAttack);
  const result = useTransfer(selectTransferResult);
  const actions = useTransfer(selectTransferActions);
  const running = result?.status === "running";
  const complete = result?.error.every((row) => row !== null) ? (result.error as number[][]) : null;
  const best = complete ? strongestTransfer(complete) : null;
  const stale =
    result !== null &&
    (result.attack.kind !== attack.kind ||
      result.attack.epsLevel !== attack.epsLevel ||
      (attack.kind === "pgd" && result.attack.steps !== attack.steps));
  return (
    <section className="panel" aria-labelledby="matrix-title">
      <h3 id="matrix-title">Crafted on one digit model, tested on all three</h3>
      <div className="controls-row">
        <label>
          Attack{" "}
          <select
            aria-label="transfer attack"
            value={attack.kind}
            onChange={(e) => actions.setAttack({ kind: e.target.value as "fgsm" | "pgd" })}
          >
            <option value="fgsm">FGSM</option>
            <option value="pgd">PGD</option>
          </select>
        </label>
        {attack.kind === "pgd" && (
          <label>
            Steps{" "}
            <input
              type="number"
              min={1}
              max={MAX_TRANSFER_STEPS}
              value={attack.steps}
              aria-label="transfer PGD steps"
              onChange={(e) => {
                const steps = Math.round(Number(e.target.value));
                if (steps >= 1 && steps <= MAX_TRANSFER_STEPS) actions.setAttack({ steps });
              }}
            />
          </label>
        )}
      </div>
      <LevelSlider
        level={attack.epsLevel}
        max={DIGIT_MAX_EPS_LEVEL}
        onChange={(epsLevel) => actions.setAttack({ epsLevel })}
        unit="pixel"
        label="transfer epsilon"
      />
      <div className="controls-row">
        <button type="button" onClick={actions.compute} disabled={running && !stale}>
          {result ? "Recompute the matrix" : "Compute the matrix"}
        </button>
        {stale && <span className="panel-note">Settings changed: recompute to update.</span>}
      </div>
      {running && (
        <progress
          className="wide-progress"
          max={result.total}
          value={result.done}
          aria-label="computing the transfer matrix"
        />
      )}
      {result?.status === "error" && <p role="alert">{result.message}</p>}
      <Scroller label="transfer matrix table">
        <table className="compare transfer-matrix" aria-label="transfer matrix">
          <caption>
            Error rate on 2,000 test digits,{" "}
            {result
              ? `${result.attack.kind === "fgsm" ? "FGSM" : `PGD-${result.attack.steps}`} at ε = ${formatEpsilon(result.attack.epsLevel)}`
              : "not computed yet"}
          </caption>
          <thead>
            <tr>
              <th scope="col">crafted on ↓ / tested on →</th>
              {MATRIX_MODELS.map((k, t) => (
                <th scope="col" key={k}>
                  {name(t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="paper-row">
              <th scope="row">no attack (clean error)</th>
              {MATRIX_MODELS.map((k, t) => (
                <td key={k}>{result?.clean ? formatPercent(result.clean[t]) : "…"}</td>
              ))}
            </tr>
            {MATRIX_MODELS.map((k, s) => (
              <tr key={k}>
                <th scope="row">{name(s)}</th>
                {MATRIX_MODELS.map((k2, t) => {
                  const rate = result?.error[s]?.[t];
                  return (
                    <td
                      key={k2}
                      className={s === t ? "white-box" : undefined}
                      style={rate === undefined ? undefined : { background: heat(rate) }}
                      title={
                        s === t
                          ? "white-box: the attack saw this model's gradients"
                          : "black-box transfer"
                      }
                    >
                      {rate === undefined ? "…" : formatPercent(rate)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <p className="reading" aria-live="polite">
        {best && complete
          ? `Examples crafted on the ${name(best.source)} fool the ${name(best.target)} ${formatPercent(best.rate)} of the time, without ever querying it (white-box on the ${name(best.target)} itself: ${formatPercent(complete[best.target][best.target])}). Outlined cells are white-box.`
          : "Outlined cells (the diagonal) are white-box: the attack used that model's own gradients."}
      </p>
    </section>
  );
}
