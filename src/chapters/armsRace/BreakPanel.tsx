import { DigitImage } from "../../components/canvas/DigitImage";
import { RunProgress } from "../../components/controls/RunProgress";
import {
  selectAttackRadius,
  selectCertificate,
  selectSmoothAttack,
  selectSmoothingActions,
  useSmoothing,
} from "../../store/armsRace";
import { MAX_ATTACK_RADIUS, SMOOTH_ATTACK } from "../../store/armsRace/smoothingStore";
import type { CertificateView, SmoothAttackView } from "../../workers/digits/armsRaceApi";
import { breakVerdict } from "./breakVerdict";
import { CertificateWords } from "./CertifyPanel";

/** The attacked digit's verdicts, set against the clean digit's certificate. */
function Outcome({ a, clean }: { a: SmoothAttackView; clean: CertificateView }) {
  const R = clean.radius;
  const inside = R !== null && a.distance < R;
  const verdict = breakVerdict(a, clean);
  const change = a.adversarial.map((v, i) => v - clean.input[i]);
  return (
    <div className="certificate-row">
      <DigitImage values={a.adversarial} label="the attacked digit" />
      <DigitImage values={change} signed label="the change the attack made" />
      <div>
        <p>
          The attack moved the digit by ‖δ‖₂ = <strong>{a.distance.toFixed(3)}</strong> (after
          rounding to 8 bits)
          {R === null
            ? "; the clean digit had no certificate to keep."
            : inside
              ? `, inside the certified radius R = ${R.toFixed(3)}.`
              : `, beyond the certified radius R = ${R.toFixed(3)}.`}{" "}
          The base CNN alone, without noise, now reads it as <strong>{a.baseClass}</strong>.
        </p>
        <p className="attack-verdict" role="status" data-outcome={verdict.outcome}>
          The smoothed classifier's answer {verdict.answer}. {verdict.comment}
        </p>
        <CertificateWords c={a.certificate} />
      </div>
    </div>
  );
}

/** An L2 attack on the smoothed classifier at a chosen radius, and the certificate afterwards. */
export function BreakPanel() {
  const actions = useSmoothing(selectSmoothingActions);
  const radius = useSmoothing(selectAttackRadius);
  const run = useSmoothing(selectSmoothAttack);
  const clean = useSmoothing(selectCertificate)?.result ?? null;
  const R = clean?.radius ?? null;
  return (
    <section className="demo panel" aria-label="Try to break the certificate">
      <h3>Try to break it</h3>
      <p className="panel-note">
        The attack is PGD in the L2 ball ({SMOOTH_ATTACK.steps} steps) on the smoothed classifier's
        soft version: the base CNN's softmax averaged over {SMOOTH_ATTACK.samples} noise draws, the
        adaptive attack of Salman et al. Its result is then certified afresh, with the settings
        above.
      </p>
      <div className="epsilon-slider">
        <label>
          <span className="slider-title">Attack radius (L2)</span>
          <input
            type="range"
            min={0}
            max={MAX_ATTACK_RADIUS}
            step={0.05}
            value={radius}
            aria-label="attack radius"
            aria-valuetext={`L2 radius ${radius.toFixed(2)}`}
            onChange={(e) => actions.setAttackRadius(Number(e.target.value))}
          />
        </label>
        <output className="eps-value">
          r = {radius.toFixed(2)}
          {R !== null && ` (${(radius / R).toFixed(2)} R)`}
        </output>
      </div>
      <div className="demo-toolbar">
        {R !== null && (
          <button
            type="button"
            className="button secondary"
            onClick={() => actions.setAttackRadius(0.9 * R)}
          >
            Set r = 0.9 R
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={actions.attack}
          disabled={!clean || run?.status === "running"}
        >
          Attack the smoothed classifier
        </button>
        <RunProgress run={run} unit="noisy samples" />
      </div>
      {run?.result && clean && <Outcome a={run.result} clean={clean} />}
    </section>
  );
}
