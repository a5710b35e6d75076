import { type ReactNode, useMemo } from "react";
import { DigitImage } from "../../components/canvas/DigitImage";
import { PixelCanvas } from "../../components/canvas/PixelCanvas";
import { formatDecimal, formatEpsilon, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import { Tex } from "../../components/Tex";
import {
  selectAttack,
  selectClean,
  selectSource,
  selectTrueLabel,
  useSteps,
} from "../../store/digits/steps";
import { STEPS_MAX_LEVEL } from "../../store/digits/stepsStore";
import { shiftedRgba } from "./shiftedRgba";
import { maxAbs, relationTo, signCounts, texRelation, topDigit } from "./stepsFormat";

const DIGIT = "digit-canvas steps-digit";

/** One stage: its number, name, picture (or numbers), formula and what it did here. */
function Tile({
  n,
  title,
  tex,
  children,
  note,
}: {
  n: number;
  title: string;
  tex: string;
  children: ReactNode;
  note: ReactNode;
}) {
  return (
    <li className="stage">
      <h4>
        <span className="stage-n" aria-hidden="true">
          {n}
        </span>
        {title}
      </h4>
      <div className="stage-view">{children}</div>
      <Scroller className="stage-tex" label={`formula of stage ${n}`}>
        <Tex>{tex}</Tex>
      </Scroller>
      <p className="stage-note">{note}</p>
    </li>
  );
}

/** The numbers of a prediction, for tiles 2 and 8. */
function Prediction({ probs, label, loss }: { probs: Float32Array; label: number; loss: number }) {
  const top = topDigit(probs);
  return (
    <dl className="stage-numbers">
      <dt>says</dt>
      <dd>
        <b>{top.digit}</b> ({formatPercent(top.p)})
      </dd>
      <dt>
        <i>p</i>
        <sub>{label}</sub>
      </dt>
      <dd>{formatPercent(probs[label])}</dd>
      <dt>loss</dt>
      <dd>{formatDecimal(loss)}</dd>
    </dl>
  );
}

/** The eight stages of FGSM on the digit in the chapter-3 store, each as a tile. */
export function StageTiles() {
  const clean = useSteps(selectClean);
  const attack = useSteps(selectAttack);
  const source = useSteps(selectSource);
  const trueLabel = useSteps(selectTrueLabel);
  const counts = useMemo(() => (clean ? signCounts(clean.sign) : null), [clean]);
  const gradMax = useMemo(() => (clean ? maxAbs(clean.grad) : 0), [clean]);
  const shifted = useMemo(
    () => (attack ? shiftedRgba(attack.shifted, attack.eps) : null),
    [attack],
  );

  if (!clean || !attack || !counts) {
    return (
      <div className="stages-placeholder placeholder" aria-busy="true">
        Computing the stages…
      </div>
    );
  }
  const y = clean.label;
  const eps = attack.eps;
  const level = attack.level;
  const after = topDigit(attack.probs);
  const clipped = attack.clippedLow + attack.clippedHigh;
  const what =
    source === "drawn" ? "your drawing, 28×28" : `a test digit, true label ${trueLabel ?? "?"}`;

  return (
    <ol className="stages" aria-label="The stages of FGSM" data-input={attack.key}>
      <Tile n={1} title="Input" tex={String.raw`x \in [0,1]^{28\times 28}`} note={what}>
        <DigitImage values={clean.x} label="the input digit" className={DIGIT} />
      </Tile>
      <Tile
        n={2}
        title="Probabilities and loss"
        tex={String.raw`L = -\log p_{${y}} ${texRelation(clean.loss)}`}
        note={
          <>
            <Tex>{String.raw`p = \operatorname{softmax}(f(x))`}</Tex>; the loss is small when the
            model is sure of {y}.
          </>
        }
      >
        <Prediction probs={clean.probs} label={y} loss={clean.loss} />
      </Tile>
      <Tile
        n={3}
        title="Input gradient"
        tex={String.raw`g = \nabla_x L(x, ${y})`}
        note={
          <>
            largest |g| {relationTo(gradMax)}; red: brightening raises the loss, blue: darkening
            does
          </>
        }
      >
        <DigitImage values={clean.grad} signed label="the input gradient" className={DIGIT} />
      </Tile>
      <Tile
        n={4}
        title="Sign of the gradient"
        tex={String.raw`s = \operatorname{sign}(g)`}
        note={`${counts.up} pixels +1, ${counts.down} pixels −1${counts.zero ? `, ${counts.zero} zero` : ""}: the size of g is gone`}
      >
        <DigitImage
          values={clean.sign}
          signed
          scale={1}
          label="the sign of the gradient"
          className={DIGIT}
        />
      </Tile>
      <Tile
        n={5}
        title="Scale by ε"
        tex={String.raw`\eta = \epsilon\, s = ${eps.toFixed(3)}\, s`}
        note={`every pixel moves by exactly ${level}/255 (colour scale: ±${STEPS_MAX_LEVEL}/255)`}
      >
        <DigitImage
          values={attack.eta}
          signed
          scale={STEPS_MAX_LEVEL / 255}
          label="the perturbation eta"
          className={DIGIT}
        />
      </Tile>
      <Tile
        n={6}
        title="Add"
        tex={String.raw`x + \eta`}
        note={`${attack.clippedLow} pixels below 0 (blue), ${attack.clippedHigh} above 1 (red)`}
      >
        <PixelCanvas
          rgba={shifted}
          size={28}
          label="x plus eta, before clipping"
          className={DIGIT}
        />
      </Tile>
      <Tile
        n={7}
        title="Clip to [0, 1]"
        tex={String.raw`x' = \operatorname{clip}_{[0,1]}(x + \eta)`}
        note={`the clip pulled back ${clipped} of 784 pixels; ε = ${formatEpsilon(level)}`}
      >
        <DigitImage values={attack.adv} label="the adversarial digit" className={DIGIT} />
      </Tile>
      <Tile
        n={8}
        title="New probabilities"
        tex={String.raw`L' = -\log p'_{${y}} ${texRelation(attack.loss)}`}
        note={
          after.digit === y ? (
            <>still {y}: try a larger ε</>
          ) : topDigit(clean.probs).digit === y ? (
            <>
              now <b>{after.digit}</b> instead of {y}
            </>
          ) : (
            <>
              still not {y}: it says <b>{after.digit}</b>
            </>
          )
        }
      >
        <Prediction probs={attack.probs} label={y} loss={attack.loss} />
      </Tile>
    </ol>
  );
}
