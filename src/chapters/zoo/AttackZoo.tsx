import { useMemo } from "react";
import { type Choice, RadioChoice } from "../../components/controls/RadioChoice";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { TestDigitStepper } from "../../components/controls/TestDigitStepper";
import { ZOO } from "../../engine/attacks/zoo/registry";
import { DIGIT_MODEL_INFO, DIGIT_MODEL_KINDS } from "../../engine/digits/digitModelKinds";
import { displayName, GIBBON } from "../../engine/models/classNames";
import { useLab } from "../../store";
import type { LabStore } from "../../store/labStore";
import {
  selectZooActions,
  selectZooComparedOn,
  selectZooComparison,
  selectZooDigit,
  selectZooStep,
  selectZooSubject,
  selectZooWaitingForPhoto,
  useZoo,
} from "../../store/zoo";
import type { ZooSubject } from "../../store/zoo/zooStore";
import { Citations } from "../Citations";
import { L2SuccessChart } from "./L2SuccessChart";
import { ZooAttackPicker } from "./ZooAttackPicker";
import { ZooBatchPanel } from "./ZooBatchPanel";
import { ZooExplainers } from "./ZooExplainers";
import { ZooResultsTable } from "./ZooResultsTable";
import "./zoo.css";

const SUBJECTS: Choice<ZooSubject>[] = [
  { value: "photo", label: "Chapter 1's photo" },
  ...DIGIT_MODEL_KINDS.map((kind) => ({
    value: kind,
    label: `${DIGIT_MODEL_INFO[kind].shortName} on a digit`,
    title: DIGIT_MODEL_INFO[kind].layers,
  })),
];

const selectPhotoCaption = (s: LabStore) => s.image.caption;
const selectModelLabel = (s: LabStore) => s.model.label;
const selectTarget = (s: LabStore) => s.settings.targetClass;

/** What the comparison runs on, in words. */
function SubjectLine() {
  const subject = useZoo(selectZooSubject);
  const caption = useLab(selectPhotoCaption);
  const model = useLab(selectModelLabel);
  const target = useLab(selectTarget);
  if (subject !== "photo")
    return (
      <p className="hint">
        Untargeted attacks push the {DIGIT_MODEL_INFO[subject].name.toLowerCase()} away from its
        answer; targeted ones (targeted FGSM, JSMA) aim at the next digit.
      </p>
    );
  const aim =
    target === null
      ? `“${displayName(GIBBON)}” (chapter 1's attack has no target)`
      : `“${displayName(target)}” (chapter 1's target)`;
  return (
    <p className="hint">
      {caption || "Chapter 1's photo"}, classified by {model}. Untargeted attacks push it away from
      its top answer; targeted FGSM aims at {aim}.
    </p>
  );
}

/** The current attack's iterations while a comparison runs (or what it waits for). */
function StepLine() {
  const step = useZoo(selectZooStep);
  const run = useZoo(selectZooComparison);
  const waiting = useZoo(selectZooWaitingForPhoto);
  if (run?.status !== "running") return null;
  if (waiting)
    return (
      <p className="hint" role="status">
        Waiting for chapter 1 to classify its photo; the comparison starts as soon as it has.
      </p>
    );
  if (!step) return null;
  // Not a live region: a screen reader would announce every iteration (the bar's line says
  // which attacks are done).
  return (
    <p className="hint">
      {ZOO[step.id].name}: iteration {step.done} of at most {step.total}
    </p>
  );
}

/**
 * The attack zoo: the attacks a student meets in papers, run on chapter 1's photo or a test
 * digit, compared on one table (success, size of the change in three norms, cost), with a
 * batch mode over many digits and a short explanation of each attack.
 */
export function AttackZoo() {
  const actions = useZoo(selectZooActions);
  const subject = useZoo(selectZooSubject);
  const digit = useZoo(selectZooDigit);
  const run = useZoo(selectZooComparison);
  const on = useZoo(selectZooComparedOn);
  const comparison = run?.result;
  const bars = useMemo(
    () =>
      (comparison?.rows ?? []).map((r) => ({
        id: r.id,
        l2: r.size.l2,
        success: Number(r.success),
      })),
    [comparison],
  );
  return (
    <section className="zoo" id="attack-zoo" aria-labelledby="zoo-title">
      <h3 id="zoo-title">The attack zoo: every attack on one image, side by side</h3>
      <div className="prose zoo-intro">
        <p>
          FGSM is one of many ways to fool a classifier. Papers since 2015 each chose a different
          thing to make small: the largest change to any pixel (L∞), the overall energy of the
          change (L2), or the number of pixels touched (L0). They also differ in price: one
          gradient, or hundreds.
        </p>
        <p>
          Tick the attacks you have read about, run them on the same image, and compare them on one
          table. An attack that wins on its own norm can look clumsy on another: FGSM moves every
          pixel by the same ε, DeepFool and Carlini-Wagner look for the nearest boundary, JSMA
          touches a handful of pixels but moves each one a lot.
        </p>
      </div>
      <section className="demo" aria-label="attack comparison">
        <RadioChoice
          legend="Attack"
          name="zoo-subject"
          choices={SUBJECTS}
          value={subject}
          onChange={actions.setSubject}
        />
        {subject !== "photo" && (
          <TestDigitStepper index={digit} drawn={false} onChange={actions.setDigitIndex} />
        )}
        <SubjectLine />
        <ZooAttackPicker />
        <div className="demo-toolbar">
          <RunButton
            running={run?.status === "running"}
            label="Compare"
            onRun={actions.compare}
            onStop={actions.cancelCompare}
          />
          <RunProgress run={run} unit="attacks" />
        </div>
        <StepLine />
        {comparison && comparison.rows.length > 0 && on && (
          <>
            <ZooResultsTable
              comparison={comparison}
              photo={on.subject === "photo"}
              running={run?.status === "running"}
            />
            <L2SuccessChart
              bars={bars}
              caption={`L2 size of each attack's change on ${on.subject === "photo" ? "the photo" : `test digit #${on.digitIndex}`}; grey bars failed`}
              single
            />
          </>
        )}
        {subject !== "photo" && <ZooBatchPanel kind={subject} />}
      </section>
      <h4 className="zoo-explainers-title">How each attack works</h4>
      <ZooExplainers />
      <footer>
        <h4>Papers</h4>
        <Citations
          keys={[
            "goodfellow",
            "kurakin",
            "madry",
            "dong",
            "moosavi",
            "carlini",
            "papernotJsma",
            "su",
          ]}
        />
      </footer>
    </section>
  );
}
