import { useState } from "react";
import { IMAGENET_MODELS } from "../../engine/models/catalog";
import { formatBytes } from "../../engine/models/errors";
import { selectActions, useLab } from "../../store";
import type { InputRange } from "../../store/labStore";
import { selectModel } from "../../store/selectors";
import type { ModelState } from "../../store/types";
import { ErrorText } from "../ErrorText";
import { FilesButton } from "./FilesButton";

const RANGES: Record<string, InputRange> = { "0,1": [0, 1], "-1,1": [-1, 1], "0,255": [0, 255] };

/** Where the model in use came from, said once it is ready. */
const SOURCE_NOTE: Record<NonNullable<ModelState["source"]>, string> = {
  bundled: "ships with Gibbon: works offline",
  cache: "loaded from this browser's cache (works offline)",
  network: "downloaded, and saved in this browser for offline use",
  "network-unkept":
    "downloaded; this browser refused to keep a copy (a private window, or storage full), so it needs the network next time",
  files: "loaded from your files; nothing was uploaded",
};

/** Where a model's weights come from, for its menu entry. */
const whereFrom = (m: (typeof IMAGENET_MODELS)[number]) =>
  m.bundled ? "built in" : `${formatBytes(m.sizeBytes)} download`;

/** Model choice, download progress, failure with retry, and loading a model from disk. */
export function ModelPicker() {
  const model = useLab(selectModel);
  const actions = useLab(selectActions);
  const [range, setRange] = useState("0,1");
  const known = IMAGENET_MODELS.some((m) => m.id === model.id);
  const failure = model.failure;
  return (
    <div className="model-picker">
      <label className="field">
        Model{" "}
        <select
          aria-label="ImageNet model"
          value={known ? model.id : "files"}
          onChange={(e) => void actions.selectModel(e.target.value)}
        >
          {IMAGENET_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label} ({whereFrom(m)})
            </option>
          ))}
          {!known && <option value="files">{model.label} (from files)</option>}
        </select>
      </label>
      <span className="files-row">
        <FilesButton
          label="Load model from files…"
          name="Load model from files (model.json and weight files)"
          onFiles={(files) => void actions.loadModelFiles(files, RANGES[range])}
        />
        <label className="muted">
          trained on pixels in{" "}
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
      </span>
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
      {model.status === "ready" && !failure && model.source && (
        <span className="muted model-source">{SOURCE_NOTE[model.source]}</span>
      )}
      {failure && (
        <div role="alert" className="model-failure">
          <div>
            <b>{failure.label}</b> could not be loaded. <ErrorText message={failure.message} />
          </div>
          <p>
            {model.status === "ready" && `${model.label} is still in use. `}
            {failure.needsNetwork &&
              "The built-in MobileNet and photos, and chapters 2–6, need no network. "}
            You can load a model from files instead (its model.json and weight files), or{" "}
            {failure.id !== "files" && (
              <button
                type="button"
                className="link-button"
                onClick={() => void actions.selectModel(failure.id)}
              >
                Retry
              </button>
            )}
            {failure.id === "files" && "pick other files."}
          </p>
        </div>
      )}
    </div>
  );
}
