import { DigitImage } from "../../components/canvas/DigitImage";
import { DrawDigitCanvas } from "../../components/canvas/DrawDigitCanvas";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { type Choice, RadioChoice } from "../../components/controls/RadioChoice";
import { TestDigitStepper } from "../../components/controls/TestDigitStepper";
import { formatEpsilon, formatPercent } from "../../components/format";
import type { LatentObjective } from "../../engine/vae/latentAttack";
import type { VaeKind } from "../../engine/vae/recipes";
import {
  selectVaeActions,
  selectVaeDrawn,
  selectVaeEpsIndex,
  selectVaeError,
  selectVaeGrid,
  selectVaeKind,
  selectVaeMap,
  selectVaeObjective,
  selectVaePath,
  selectVaePicked,
  selectVaeSourceIndex,
  selectVaeStatus,
  selectVaeTarget,
  selectVaeWorking,
  useVae,
} from "../../store/vae";
import { GRID, PATH_LEVELS } from "../../store/vae/vaeStore";
import { CLASS_COLOURS } from "./classColours";
import { LatentAttackView } from "./LatentAttackView";
import { LatentMapCanvas } from "./LatentMapCanvas";
import { LatentTable } from "./LatentTable";
import { VaeTrainingPanel } from "./VaeTrainingPanel";

const KINDS: Choice<VaeKind>[] = [
  { value: "vae16", label: "16-D latent" },
  { value: "vae2", label: "2-D latent" },
];
const OBJECTIVES: Choice<LatentObjective>[] = [
  { value: "latent", label: "Latent code (Kos et al.)" },
  { value: "output", label: "Reconstruction (Kos et al.)" },
];
const DIGITS = Array.from({ length: 10 }, (_, k) => k);

function Legend() {
  return (
    <ul className="latent-legend" aria-label="classes">
      {DIGITS.map((k) => (
        <li key={k}>
          <span className="swatch" style={{ background: CLASS_COLOURS[k] }} aria-hidden="true" />{" "}
          {k}
        </li>
      ))}
      <li>
        <span className="swatch line" aria-hidden="true" /> attack
      </li>
      <li>
        <span className="swatch dashed" aria-hidden="true" /> noise
      </li>
      <li>✕ target</li>
    </ul>
  );
}

/** Which plane the map is: the 2-D latent itself, or the 16-D one's first two principal components. */
function PlaneNote() {
  const map = useVae(selectVaeMap);
  if (!map) return null;
  const e = map.projection.explained;
  return (
    <p className="panel-note">
      {e
        ? `A 16-D code drawn on its first two principal components (of the test digits' codes): they keep ${formatPercent(e[0] + e[1])} of the codes' variance, so distances on screen understate distances in the code.`
        : "The 2-D code, drawn as it is."}{" "}
      Test −ELBO {map.test.negElbo.toFixed(1)} nats per digit (reconstruction{" "}
      {map.test.reconstruction.toFixed(1)}, KL {map.test.kl.toFixed(1)}). Click a point to see that
      digit and its reconstruction.
    </p>
  );
}

function Picked() {
  const picked = useVae(selectVaePicked);
  const actions = useVae(selectVaeActions);
  if (!picked) return null;
  return (
    <div className="latent-picked">
      <DigitImage values={picked.input} label={`test digit ${picked.index}, a ${picked.label}`} />
      <DigitImage values={picked.recon} label={`its reconstruction`} />
      <span>
        Test digit #{picked.index} (a {picked.label}) and its reconstruction.{" "}
        <button
          type="button"
          className="button secondary"
          onClick={() => actions.setSource(picked.index)}
        >
          Attack this digit
        </button>{" "}
        <button
          type="button"
          className="button secondary"
          onClick={() => actions.setTarget({ test: picked.index })}
        >
          Make it the target
        </button>
      </span>
    </div>
  );
}

function Controls() {
  const actions = useVae(selectVaeActions);
  const kind = useVae(selectVaeKind);
  const objective = useVae(selectVaeObjective);
  const target = useVae(selectVaeTarget);
  const source = useVae(selectVaeSourceIndex);
  const working = useVae(selectVaeWorking);
  return (
    <div className="demo-toolbar latent-controls">
      <RadioChoice
        className="segmented-field"
        legendClassName="field-label"
        legend="VAE"
        name="vae-kind"
        choices={KINDS}
        value={kind}
        onChange={actions.setKind}
      />
      <RadioChoice
        className="segmented-field"
        legendClassName="field-label"
        legend="Pull toward the target's"
        name="vae-objective"
        choices={OBJECTIVES}
        value={objective}
        onChange={actions.setObjective}
      />
      <NumberSelect
        className="field inline"
        label="Target class"
        value={"class" in target ? target.class : 0}
        options={DIGITS}
        onChange={(k) => actions.setTarget({ class: k })}
      />
      <TestDigitStepper index={source} drawn={false} onChange={actions.setSource} />
      <button type="button" className="button" onClick={actions.attack} disabled={working}>
        Attack
      </button>
    </div>
  );
}

function EpsSlider() {
  const actions = useVae(selectVaeActions);
  const index = useVae(selectVaeEpsIndex);
  const level = PATH_LEVELS[index];
  return (
    <div className="epsilon-slider">
      <label>
        <span className="slider-title">
          Budget <i>ε</i> (L∞, one of {PATH_LEVELS.length} levels)
        </span>
        <input
          type="range"
          min={0}
          max={PATH_LEVELS.length - 1}
          step={1}
          value={index}
          aria-label="epsilon"
          aria-valuetext={`epsilon ${formatEpsilon(level)}`}
          onChange={(e) => actions.setEpsIndex(Number(e.target.value))}
        />
      </label>
      <output className="eps-value">ε = {formatEpsilon(level)}</output>
    </div>
  );
}

/** The live half of chapter 7: the latent map, one digit's attack, and the table. */
export function VaeDemo() {
  const actions = useVae(selectVaeActions);
  const map = useVae(selectVaeMap);
  const path = useVae(selectVaePath);
  const epsIndex = useVae(selectVaeEpsIndex);
  const grid = useVae(selectVaeGrid);
  const status = useVae(selectVaeStatus);
  const error = useVae(selectVaeError);
  const sourceIndex = useVae(selectVaeSourceIndex);
  const drawn = useVae(selectVaeDrawn);
  const target = useVae(selectVaeTarget);
  const point = path?.points[epsIndex] ?? null;
  const clean = path?.points[0]?.attack.input ?? null;
  return (
    <section className="demo vae-demo" aria-label="Attacking a VAE, live">
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <Controls />
      {status === "working" && (
        <p className="hint" role="status">
          Attacking at {PATH_LEVELS.length} budgets in the background…
        </p>
      )}
      <div className="latent-map-row">
        {map ? (
          <div>
            <LatentMapCanvas
              map={map}
              extent={map.extent}
              path={path}
              epsIndex={epsIndex}
              grid={grid}
              gridN={GRID.n}
              onPick={actions.pick}
            />
            <Legend />
            <button
              type="button"
              className="button secondary"
              onClick={actions.showGrid}
              disabled={!!grid}
            >
              Decode a {GRID.n}×{GRID.n} grid of the plane behind the map
            </button>
          </div>
        ) : (
          <p className="hint">Loading the VAE and encoding the 2,000 test digits…</p>
        )}
        <div className="latent-side">
          <PlaneNote />
          <Picked />
        </div>
      </div>
      <details className="latent-draw">
        <summary>Or draw a digit to attack</summary>
        <DrawDigitCanvas
          onDrawing={actions.useDrawing}
          hint="Draw with a mouse, a finger or a pen; it is attacked when you lift."
        />
      </details>
      <EpsSlider />
      {point && clean && path && (
        <>
          <p className="latent-summary">
            {drawn ? "Your drawing" : `Test digit #${sourceIndex}`}
            {path.sourceLabel !== null ? ` (a ${path.sourceLabel})` : ""} pulled toward{" "}
            {"test" in target
              ? `test digit #${target.test} (a ${path.targetClass}), class ${path.targetClass}`
              : `class ${path.targetClass}`}
            .
          </p>
          <LatentAttackView
            point={point}
            clean={clean}
            target={path.targetClass}
            level={PATH_LEVELS[epsIndex]}
          />
        </>
      )}
      <LatentTable />
      <VaeTrainingPanel />
    </section>
  );
}
