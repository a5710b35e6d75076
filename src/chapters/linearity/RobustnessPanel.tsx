import { DigitImage } from "../../components/canvas/DigitImage";
import { DigitModelPicker } from "../../components/controls/DigitModelPicker";
import { LevelSlider } from "../../components/controls/LevelSlider";
import { formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import { DIGIT_MODEL_INFO, DIGIT_MODEL_KINDS } from "../../engine/digits/digitModelKinds";
import type { RobustnessPoint } from "../../engine/digits/robustnessCurve";
import {
  selectCurves,
  selectLinearityActions,
  selectSampleEps,
  selectSampleModel,
  selectSamples,
  useLinearity,
} from "../../store/digits/linearity";
import { DIGIT_MAX_EPS_LEVEL } from "../../store/digits/robustnessLevels";
import { RobustnessChart } from "./RobustnessChart";

const at = (points: RobustnessPoint[] | undefined, level: number) =>
  points?.find((p) => p.epsLevel === level);
const pct = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? "…" : formatPercent(v);

/** The table's number columns (also each cell's label when the table reflows on a phone). */
const COLUMNS = [
  "clean error",
  "error at ε ≈ 0.1",
  "error at ε ≈ 0.25",
  "confidence when wrong, ε ≈ 0.25",
] as const;

/** Goodfellow et al.'s MNIST figures, quoted. */
const PAPER_ROWS = [
  {
    model: "Goodfellow et al.: shallow softmax (full MNIST test set)",
    cells: ["—", "—", "99.9% (ε = 0.25)", "79.3%"],
  },
  {
    model: "Goodfellow et al.: maxout network (full MNIST test set)",
    cells: ["—", "—", "89.4% (ε = 0.25)", "97.6%"],
  },
];

/** One row's number cells, each labelled with its column. */
function Cells({ values }: { values: readonly string[] }) {
  return values.map((v, i) => (
    <td key={COLUMNS[i]} data-label={COLUMNS[i]}>
      {v}
    </td>
  ));
}

/** Error rate and confidence vs eps on the 2,000 test digits, the paper's figures beside ours, and samples. */
export function RobustnessPanel() {
  const curves = useLinearity(selectCurves);
  const samples = useLinearity(selectSamples);
  const sampleModel = useLinearity(selectSampleModel);
  const sampleEps = useLinearity(selectSampleEps);
  const actions = useLinearity(selectLinearityActions);
  return (
    <section className="panel" aria-labelledby="robust-title">
      <h3 id="robust-title">FGSM against all three models, on 2,000 test digits</h3>
      {curves.status === "running" && (
        <progress
          max={curves.total}
          value={curves.done}
          aria-label="measuring error rates"
          className="wide-progress"
        />
      )}
      {curves.status === "paused" && (
        <p className="panel-note">Paused while a model trains; it resumes with the new weights.</p>
      )}
      {curves.status === "error" && <p role="alert">{curves.message}</p>}
      <RobustnessChart points={curves.points} pending={curves.pending} />
      <Scroller label="error rates table">
        <table className="compare reflow" aria-label="error rates under FGSM">
          <caption>Untargeted FGSM on MNIST: their figures and ours</caption>
          <thead>
            <tr>
              <th scope="col">model (data)</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PAPER_ROWS.map((row) => (
              <tr className="paper-row" key={row.model}>
                <th scope="row">{row.model}</th>
                <Cells values={row.cells} />
              </tr>
            ))}
            {DIGIT_MODEL_KINDS.map((k) => {
              const p = curves.points[k];
              // New weights: the last numbers stay, greyed, until the new ones are measured.
              const updating = p !== undefined && curves.pending.includes(k);
              return (
                <tr key={k} className={updating ? "stale-row" : undefined}>
                  <th scope="row">
                    Here: {DIGIT_MODEL_INFO[k].name} (our 2,000 test digits)
                    {updating && <small className="row-note"> updating for the new weights…</small>}
                  </th>
                  <Cells
                    values={[
                      pct(at(p, 0)?.errorRate),
                      pct(at(p, 26)?.errorRate),
                      pct(at(p, 64)?.errorRate),
                      pct(at(p, 64)?.meanWrongConfidence),
                    ]}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
      <p className="panel-note">
        Ours use ε = 26/255 ≈ 0.102 and 64/255 ≈ 0.251 (whole grey levels, so every attacked digit
        is a real 8-bit image); theirs use 0.25 on the full 10,000-digit MNIST test set with their
        own models, so compare the pattern, not the decimals.
      </p>
      <h4>What the attacked digits look like</h4>
      <DigitModelPicker value={sampleModel} onChange={actions.setSampleModel} label="Attack the" />
      <LevelSlider
        level={sampleEps}
        max={DIGIT_MAX_EPS_LEVEL}
        onChange={actions.setSampleEps}
        unit="pixel"
        label="sample epsilon"
      />
      <ol className="sample-row" aria-label="adversarial samples">
        {(samples?.digits ?? []).map((d) => (
          <li key={d.label} className={d.predicted === d.label ? "" : "fooled"}>
            <DigitImage
              values={d.pixels}
              label={`a ${d.label} after FGSM`}
              className="digit-canvas small"
            />
            <span>
              {d.label} → {d.predicted} ({formatPercent(d.confidence)})
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
