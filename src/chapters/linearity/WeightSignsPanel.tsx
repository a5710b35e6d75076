import { DigitImage } from "../../components/canvas/DigitImage";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { formatPercent } from "../../components/format";
import { Tex } from "../../components/Tex";
import {
  selectLinearityActions,
  selectPair,
  selectPairView,
  selectWeights,
  useLinearity,
} from "../../store/digits/linearity";

const DIGITS = Array.from({ length: 10 }, (_, k) => k);

/** The softmax regression's ten weight images, and FGSM's step for a class pair beside sign(w_to - w_from). */
export function WeightSignsPanel() {
  const weights = useLinearity(selectWeights);
  const pair = useLinearity(selectPair);
  const view = useLinearity(selectPairView);
  const actions = useLinearity(selectLinearityActions);
  let scale = 0;
  for (const w of weights ?? []) for (const v of w) scale = Math.max(scale, Math.abs(v));
  return (
    <section className="panel" aria-labelledby="weights-title">
      <h3 id="weights-title">What softmax regression looks for</h3>
      <p className="panel-note">
        Column <i>k</i> of the trained 784×10 weight matrix, drawn as an image: red pixels push the
        score of digit <i>k</i> up when they are bright, blue ones push it down.
      </p>
      <div className="weight-grid">
        {DIGITS.map((k) => (
          <figure key={k}>
            <DigitImage
              values={weights?.[k] ?? null}
              signed
              scale={scale}
              label={`weights of class ${k}`}
              className="digit-canvas small"
            />
            <figcaption>{k}</figcaption>
          </figure>
        ))}
      </div>
      <div className="controls-row">
        <NumberSelect
          label="Turn a"
          options={DIGITS}
          value={pair.from}
          onChange={(k) => actions.setPair(k, pair.to)}
        />
        <NumberSelect
          label="into a"
          options={DIGITS}
          value={pair.to}
          onChange={(k) => actions.setPair(pair.from, k)}
        />
      </div>
      <div className="stage-row">
        <figure>
          <DigitImage values={view?.digit ?? null} label={`a test ${pair.from}`} />
          <figcaption>a test {pair.from}</figcaption>
        </figure>
        <figure>
          <DigitImage
            values={view?.signDiff ?? null}
            signed
            scale={1}
            label="sign of the weight difference"
          />
          <figcaption>
            <Tex>{String.raw`\operatorname{sign}(w_{${pair.to}} - w_{${pair.from}})`}</Tex>
          </figcaption>
        </figure>
        <figure>
          <DigitImage
            values={view?.stepSign ?? null}
            signed
            scale={1}
            label="targeted FGSM direction"
          />
          <figcaption>
            FGSM's step toward {pair.to}:{" "}
            <Tex>{String.raw`-\operatorname{sign}(\nabla_x L(x, ${pair.to}))`}</Tex>
          </figcaption>
        </figure>
      </div>
      <p className="reading" aria-live="polite">
        {view
          ? `The attack's step and the weights' sign pattern agree on ${formatPercent(view.agreement)} of the pixels.`
          : "Reading the weights…"}{" "}
        For this model the gradient is exactly{" "}
        <Tex>{String.raw`\nabla_x L = \sum_k p_k w_k - w_t`}</Tex>: when the model is sure of the
        true class, the step is almost <Tex>{String.raw`\operatorname{sign}(w_t - w_y)`}</Tex>. The
        attack does not search; it reads the weights.
      </p>
    </section>
  );
}
