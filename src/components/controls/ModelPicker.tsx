import { useId, useState } from "react";
import { IMAGENET_MODELS } from "../../engine/models/catalog";
import { formatBytes } from "../../engine/models/errors";
import { selectActions, useLab } from "../../store";
import type { InputRange } from "../../store/labStore";
import { selectModel } from "../../store/selectors";

const RANGES: Record<string, InputRange> = { "0,1": [0, 1], "-1,1": [-1, 1], "0,255": [0, 255] };

/** Model choice, download progress, failure with retry, and loading a model from disk. */
export function ModelPicker() {
  const model = useLab(selectModel);
  const actions = useLab(selectActions);
  const filesId = useId();
  const [range, setRange] = useState("0,1");
  const known = IMAGENET_MODELS.some((m) => m.id === model.id);
  return (
    <div className="model-picker">
      <label>
        Model{" "}
        <select
          aria-label="ImageNet model"
          value={known ? model.id : "files"}
          onChange={(e) => void actions.selectModel(e.target.value)}
        >
          {IMAGENET_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label} ({formatBytes(m.sizeBytes)})
            </option>
          ))}
          {!known && <option value="files">{model.label} (from files)</option>}
        </select>
      </label>
      <input
        id={filesId}
        type="file"
        multiple
        className="visually-hidden"
        aria-label="Load model from files (model.json and weight files)"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length) void actions.loadModelFiles(files, RANGES[range]);
        }}
      />
      <label htmlFor={filesId} className="button secondary">
        Load model from files…
      </label>
      <label className="muted" title="The pixel range your model was trained on">
        input range{" "}
        <select
          aria-label="Pixel range expected by files you load"
          value={range}
          onChange={(e) => setRange(e.target.value)}
        >
          {Object.keys(RANGES).map((r) => (
            <option key={r} value={r}>
              [{r}]
            </option>
          ))}
        </select>
      </label>
      {model.status === "loading" && (
        <span className="progress-line">
          <progress
            aria-label="Model download"
            value={model.total ? model.loaded : undefined}
            max={model.total || undefined}
          />
          {model.total > 0 && `${formatBytes(model.loaded)} of ${formatBytes(model.total)}`}
        </span>
      )}
      {model.status === "ready" && model.source === "cache" && (
        <span className="muted">loaded from this browser's cache (works offline)</span>
      )}
      {model.status === "error" && (
        <span role="alert" className="error-inline">
          {model.error}{" "}
          <button type="button" onClick={() => void actions.selectModel(model.id)}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}
