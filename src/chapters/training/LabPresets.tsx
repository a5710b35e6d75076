import { COMPARE_FREE, OVERFITTING, runPreset } from "./presets";

/**
 * Chapter 6's ready-made comparisons, at the top of the lab they drive: each resets the lab,
 * sets it up and starts it; its curves appear right below, its costs and δ in chapter 6.
 */
export function LabPresets() {
  return (
    <section className="lab-presets" id="lab-presets" aria-labelledby="lab-presets-title">
      <h4 id="lab-presets-title">
        Ready-made comparisons (<a href="#free">chapter 6</a>)
      </h4>
      <div className="preset-row">
        <button type="button" onClick={() => runPreset(COMPARE_FREE)}>
          Compare standard, PGD and free training
        </button>
        <button type="button" onClick={() => runPreset(OVERFITTING)}>
          Provoke catastrophic overfitting
        </button>
      </div>
    </section>
  );
}
