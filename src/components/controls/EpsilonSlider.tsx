import { MAX_EPSILON_LEVELS } from "../../engine/attacks/params";
import { selectActions, useLab } from "../../store";
import { selectEpsLevel } from "../../store/selectors";
import { formatEpsilon } from "../format";

/** The epsilon slider, in 8-bit grey levels (eps = k/255), shown both ways. */
export function EpsilonSlider() {
  const epsLevel = useLab(selectEpsLevel);
  const actions = useLab(selectActions);
  return (
    <div className="epsilon-slider">
      <label>
        <span className="slider-title">
          Perturbation budget <i>ε</i>
        </span>
        <input
          type="range"
          min={0}
          max={MAX_EPSILON_LEVELS}
          step={1}
          value={epsLevel}
          aria-label="epsilon (grey levels out of 255)"
          aria-valuetext={`epsilon ${formatEpsilon(epsLevel)}`}
          onChange={(e) => actions.setEpsLevel(Number(e.target.value))}
        />
      </label>
      <output className="eps-value" aria-live="off">
        ε = {formatEpsilon(epsLevel)}
        <small className="eps-note">
          each pixel channel moves at most {epsLevel} grey level{epsLevel === 1 ? "" : "s"}
        </small>
      </output>
    </div>
  );
}
