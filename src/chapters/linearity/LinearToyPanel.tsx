import { useMemo, useState } from "react";
import { LevelSlider } from "../../components/controls/LevelSlider";
import { Tex } from "../../components/Tex";
import {
  activationChange,
  logSpacedDims,
  MAX_DIMENSION,
  NAMED_DIMENSIONS,
  randomWeights,
} from "../../engine/digits/linearToy";
import { ToyChart } from "./ToyChart";

const DIMS = logSpacedDims(80);
/** The slider moves along log(n) in 1,000 steps, from n = 1 to n = MAX_DIMENSION. */
const SLIDER_STEPS = 1000;
const toSlider = (n: number) => Math.round((SLIDER_STEPS * Math.log(n)) / Math.log(MAX_DIMENSION));
const fromSlider = (v: number) => Math.round(MAX_DIMENSION ** (v / SLIDER_STEPS));
const weights = randomWeights();

const fmt = (v: number) =>
  v >= 100 ? Math.round(v).toLocaleString("en") : v >= 1 ? v.toFixed(2) : v.toPrecision(2);

/**
 * The linearity argument made concrete: one linear unit w.x with n inputs, every input moved by
 * eps against it (eta = eps*sign(w)). The per-input change stays eps; the unit's change,
 * w.eta = eps*||w||_1, grows with n. Computed from an actual random w.
 */
export function LinearToyPanel() {
  const [n, setN] = useState(784);
  const [epsLevel, setEpsLevel] = useState(2);
  const [logY, setLogY] = useState(true);
  const eps = epsLevel / 255;
  const data = useMemo(() => {
    const change = activationChange(weights, DIMS, eps);
    return DIMS.map((d, i) => ({ n: d, change: change[i] }));
  }, [eps]);
  const [atN] = activationChange(weights, [n], eps);
  const named = activationChange(
    weights,
    NAMED_DIMENSIONS.map((d) => d.n),
    eps,
  );
  const summary = `At n = ${n.toLocaleString("en")} inputs, moving each by at most ε = ${eps.toFixed(4)} moves the unit by w·η = ${fmt(atN)}`;
  return (
    <section className="panel" aria-labelledby="toy-title">
      <h3 id="toy-title">A linear unit, n inputs wide</h3>
      <label className="slider-row">
        <span>
          Dimension <i>n</i> = <b>{n.toLocaleString("en")}</b>
        </span>
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={toSlider(n)}
          aria-label="dimension n (log scale)"
          aria-valuetext={`n = ${n}`}
          onChange={(e) => setN(fromSlider(Number(e.target.value)))}
        />
      </label>
      <div className="preset-row">
        {NAMED_DIMENSIONS.map((d) => (
          <button key={d.n} type="button" onClick={() => setN(d.n)}>
            {d.name}
          </button>
        ))}
      </div>
      <LevelSlider
        level={epsLevel}
        max={32}
        onChange={setEpsLevel}
        unit="input"
        label="toy epsilon"
      />
      <figure className="toy-chart">
        <div role="img" aria-label={summary}>
          <ToyChart
            points={data}
            named={NAMED_DIMENSIONS.map((d, i) => ({ n: d.n, name: d.name, change: named[i] }))}
            current={{ n, change: atN }}
            logY={logY}
          />
        </div>
        <figcaption>
          {summary}.{" "}
          <label className="inline-toggle">
            <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> log
            scale for w·η
          </label>
        </figcaption>
      </figure>
      <p className="reading">
        Each input changes by at most <Tex>{String.raw`\epsilon`}</Tex>, yet{" "}
        <Tex>{String.raw`w^\top \eta = \epsilon \lVert w \rVert_1`}</Tex>: with weights of typical
        size <Tex>m</Tex> that is about <Tex>{String.raw`\epsilon m n`}</Tex>. Here{" "}
        <Tex>{String.raw`w \sim \mathcal{N}(0,1)`}</Tex>, so{" "}
        <Tex>{String.raw`m = \mathbb{E}|w_i| \approx 0.80`}</Tex>; at ImageNet's 150,528 inputs the
        unit moves by {fmt(named[2])}: {fmt(named[2] / Math.max(named[0], 1e-12))} times as much as
        at MNIST's 784.
      </p>
    </section>
  );
}
