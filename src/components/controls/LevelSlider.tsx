import type { ReactNode } from "react";
import { formatEpsilon } from "../format";

/**
 * An epsilon slider in 8-bit grey levels (eps = level/255), showing the value both ways.
 * Presentational: the chapter's store owns the value.
 */
export function LevelSlider({
  level,
  max,
  onChange,
  title,
  label = "epsilon (grey levels out of 255)",
  unit = "pixel channel",
}: {
  level: number;
  max: number;
  onChange: (level: number) => void;
  title?: ReactNode;
  /** Accessible name of the range input. */
  label?: string;
  /** What moves by at most `level` grey levels ("pixel channel", "pixel"). */
  unit?: string;
}) {
  return (
    <div className="epsilon-slider">
      <label>
        <span className="slider-title">
          {title ?? (
            <>
              Perturbation budget <i>ε</i>
            </>
          )}
        </span>
        <input
          type="range"
          min={0}
          max={max}
          step={1}
          value={level}
          aria-label={label}
          aria-valuetext={`epsilon ${formatEpsilon(level)}`}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      </label>
      <output className="eps-value" aria-live="off">
        ε = {formatEpsilon(level)}
        <small className="eps-note">
          each {unit} moves at most {level} grey level{level === 1 ? "" : "s"}
        </small>
      </output>
    </div>
  );
}
