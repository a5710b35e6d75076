import { FilesButton } from "../../components/controls/FilesButton";
import { ErrorText } from "../../components/ErrorText";
import { formatBytes } from "../../engine/models/errors";
import { DARKNET } from "../../store/imagenetTransfer";
import {
  selectTransferActions,
  selectTransferModel,
  useImagenetTransfer,
} from "../../store/transferCard";

const SIZE = formatBytes(DARKNET.sizeBytes);

/**
 * Darknet tiny on request: one button that loads, cancels or retries (it stays in place, so
 * keyboard focus is not lost), byte progress, and a plain message on failure.
 */
export function DarknetLoader() {
  const model = useImagenetTransfer(selectTransferModel);
  const { load, loadFiles, cancel } = useImagenetTransfer(selectTransferActions);
  if (model.status === "ready") {
    return (
      <p className="inet-loader muted" role="status">
        Darknet tiny is loaded
        {model.source === "files"
          ? " from your files (nothing was uploaded)."
          : model.source === "cache"
            ? " from this browser's cache (it works offline)."
            : model.source === "network-unkept"
              ? ` (${SIZE} downloaded; this browser refused to keep a copy, so it needs the network next time).`
              : ` (${SIZE} downloaded; saved in this browser for offline use next time).`}
      </p>
    );
  }
  const loading = model.status === "loading";
  return (
    <div className="inet-loader">
      <button
        type="button"
        className={loading ? "secondary" : undefined}
        onClick={() => (loading ? cancel() : void load())}
      >
        {loading
          ? "Cancel download"
          : model.status === "error"
            ? "Retry loading Darknet-tiny"
            : `Load Darknet-tiny (${SIZE})`}
      </button>
      {loading && (
        <span className="progress-line">
          <progress
            aria-label="Darknet download"
            value={model.total ? model.loaded : undefined}
            max={model.total || undefined}
          />
          <span aria-live="off">
            {formatBytes(model.loaded)} of {formatBytes(model.total)}
          </span>
          <span className="visually-hidden" role="status">
            Downloading Darknet tiny…
          </span>
        </span>
      )}
      {!loading && (
        <FilesButton
          label="Load Darknet tiny from files…"
          name="Load Darknet tiny from files (model.json and its weight files)"
          onFiles={(files) => void loadFiles(files)}
        />
      )}
      {model.status === "error" && (
        <div role="alert" className="error-inline">
          Darknet tiny could not be loaded. <ErrorText message={model.error ?? ""} /> Chapter 1 and
          the digit chapters are not affected. If you have its files (model.json and its 31 weight
          files from ml5js/ml5-data-and-models), load them from files instead.
        </div>
      )}
      {model.status === "idle" && (
        <p className="muted inet-small">
          Darknet tiny comes from the ml5 project (ml5js/ml5-data-and-models on GitHub,{" "}
          {DARKNET.licence} licence). It runs in your browser and nothing is sent anywhere; after
          one download the browser can keep it for offline use.
        </p>
      )}
    </div>
  );
}
