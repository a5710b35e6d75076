import { DigitImage } from "../../components/canvas/DigitImage";
import { DrawDigitCanvas } from "../../components/canvas/DrawDigitCanvas";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { type Choice, RadioChoice } from "../../components/controls/RadioChoice";
import { RunProgress } from "../../components/controls/RunProgress";
import { TestDigitStepper } from "../../components/controls/TestDigitStepper";
import { formatPercent } from "../../components/format";
import type { SmoothingKind } from "../../engine/smoothing/recipes";
import {
  selectCertificate,
  selectSmoothingActions,
  selectSmoothingAlpha,
  selectSmoothingDrawn,
  selectSmoothingError,
  selectSmoothingKind,
  selectSmoothingN,
  selectSmoothingN0,
  selectSmoothingSource,
  useSmoothing,
} from "../../store/armsRace";
import { ALPHA_CHOICES, N_CHOICES, N0_CHOICES } from "../../store/armsRace/smoothingStore";
import type { CertificateView } from "../../workers/digits/armsRaceApi";
import { VoteHistogram } from "./VoteHistogram";

export const SIGMAS: Choice<SmoothingKind>[] = [
  { value: "sigma025", label: "σ = 0.25" },
  { value: "sigma050", label: "σ = 0.5" },
];

function Source() {
  const actions = useSmoothing(selectSmoothingActions);
  const source = useSmoothing(selectSmoothingSource);
  const drawn = useSmoothing(selectSmoothingDrawn);
  return <TestDigitStepper index={source} drawn={drawn !== null} onChange={actions.setSource} />;
}

function Settings() {
  const actions = useSmoothing(selectSmoothingActions);
  const kind = useSmoothing(selectSmoothingKind);
  const n0 = useSmoothing(selectSmoothingN0);
  const n = useSmoothing(selectSmoothingN);
  const alpha = useSmoothing(selectSmoothingAlpha);
  const running = useSmoothing(selectCertificate)?.status === "running";
  return (
    <div className="demo-toolbar">
      <RadioChoice
        className="segmented-field"
        legendClassName="field-label"
        legend="Noise of the base classifier"
        name="smoothing-sigma"
        choices={SIGMAS}
        value={kind}
        onChange={actions.setKind}
      />
      <Source />
      <NumberSelect
        className="field inline"
        label={
          <>
            n<sub>0</sub> (selection)
          </>
        }
        value={n0}
        options={N0_CHOICES}
        onChange={actions.setN0}
      />
      <NumberSelect
        className="field inline"
        label="n (estimation)"
        value={n}
        options={N_CHOICES}
        onChange={actions.setN}
      />
      <NumberSelect
        className="field inline"
        label="α"
        value={alpha}
        options={ALPHA_CHOICES}
        onChange={actions.setAlpha}
      />
      <button type="button" className="button" onClick={actions.certify} disabled={running}>
        Certify
      </button>
    </div>
  );
}

/** What a certificate says, in words: the smoothed class and its radius, or abstain. */
export function CertificateWords({ c }: { c: CertificateView }) {
  const of = c.votes.reduce((a, b) => a + b, 0);
  return (
    <p className="certificate-words">
      {c.prediction === null ? (
        <>
          <strong>Abstain.</strong> Class {c.top} got {c.votes[c.top].toLocaleString("en-US")} of{" "}
          {of.toLocaleString("en-US")} votes; the lower bound p<sub>A</sub> = {c.pA.toFixed(4)} is
          not above ½, so nothing is certified.
        </>
      ) : (
        <>
          <strong>
            Class {c.prediction}, certified radius R = {(c.radius ?? 0).toFixed(3)}
          </strong>{" "}
          (L2). {c.votes[c.top].toLocaleString("en-US")} of {of.toLocaleString("en-US")} votes give
          p<sub>A</sub> ≥ {c.pA.toFixed(4)}, so R = {c.sigma} · Φ⁻¹({c.pA.toFixed(4)}).
        </>
      )}
      {c.label !== null && (
        <>
          {" "}
          The digit's label is {c.label}
          {c.prediction === c.label ? "." : c.prediction === null ? "." : ": a wrong answer."}
        </>
      )}
    </p>
  );
}

/** One digit certified by Monte Carlo: the digit, the votes, the radius or abstain. */
export function CertifyPanel() {
  const actions = useSmoothing(selectSmoothingActions);
  const run = useSmoothing(selectCertificate);
  const error = useSmoothing(selectSmoothingError);
  const c = run?.result ?? null;
  return (
    <section className="demo panel" id="certify" aria-label="Certify one digit">
      <h3>Certify a digit</h3>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <Settings />
      <details className="latent-draw">
        <summary>Or draw a digit to certify</summary>
        <DrawDigitCanvas
          onDrawing={actions.useDrawing}
          hint="Draw with a mouse, a finger or a pen; it is certified when you lift."
        />
      </details>
      <div className="demo-toolbar">
        <RunProgress run={run} unit="noisy samples" />
      </div>
      <section className="certificate" aria-label="certificate" aria-live="polite">
        {c ? (
          <div className="certificate-row">
            <DigitImage values={c.input} label="the certified digit" />
            <div>
              <CertificateWords c={c} />
              <VoteHistogram votes={c.votes} top={c.top} />
              <p className="panel-note">
                It holds with probability at least 1 − α = {formatPercent(1 - c.alpha)}: that is how
                often the Clopper-Pearson bound is right. The bars count the n estimation samples;
                the n₀ selection samples only chose the class.
              </p>
            </div>
          </div>
        ) : (
          <p className="hint">
            {run?.status === "running" ? "Sampling…" : "Press Certify to sample a certificate."}
          </p>
        )}
      </section>
    </section>
  );
}
