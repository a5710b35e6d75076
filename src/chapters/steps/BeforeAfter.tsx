import { formatDecimal, formatEpsilon, formatPercent } from "../../components/format";
import { selectAttack, selectClean, useSteps } from "../../store/digits/steps";
import { DigitProbChart } from "./DigitProbChart";
import { topDigit } from "./stepsFormat";

/** The ten probabilities before and after the attack, and the loss both times. */
export function BeforeAfter() {
  const clean = useSteps(selectClean);
  const attack = useSteps(selectAttack);
  const y = clean?.label ?? null;
  const before = clean ? topDigit(clean.probs) : null;
  const after = attack ? topDigit(attack.probs) : null;
  const ratio = clean && attack && clean.loss > 0 ? attack.loss / clean.loss : null;

  return (
    <section className="before-after" aria-label="Before and after the attack">
      <div className="before-after-charts">
        <DigitProbChart
          title="Before the attack"
          label="probabilities before the attack"
          probs={clean?.probs ?? null}
          attacked={y}
          inputKey={clean?.key}
        />
        <DigitProbChart
          title={attack ? `After the attack, ε = ${formatEpsilon(attack.level)}` : "After"}
          label="probabilities after the attack"
          probs={attack?.probs ?? null}
          attacked={y}
          inputKey={attack?.key}
        />
      </div>
      {clean && attack && before && after && (
        <p className="loss-line">
          Loss for label {y}: <b>{formatDecimal(clean.loss)}</b> →{" "}
          <b>{formatDecimal(attack.loss)}</b>
          {ratio !== null && ratio > 1.005 ? ` (×${formatDecimal(ratio)})` : ""}. The model says{" "}
          <b>{before.digit}</b> ({formatPercent(before.p)}) before and <b>{after.digit}</b> (
          {formatPercent(after.p)}) after.
        </p>
      )}
      <p className="hint legend">
        <span className="legend-item">
          <span className="swatch clean" /> the label the attack pushes away from
        </span>
        <span className="legend-item">
          <span className="swatch adv" /> the model's answer when it differs
        </span>
      </p>
    </section>
  );
}
