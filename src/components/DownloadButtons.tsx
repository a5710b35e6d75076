import { displayName } from "../engine/models/classNames";
import { encodePng } from "../media/loadImage";
import { useLab } from "../store";
import { selectAdversarial, selectImage } from "../store/selectors";

async function download(rgba: Uint8ClampedArray, size: number, filename: string) {
  const blob = await encodePng(rgba, size, size);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the exact images that were classified, as lossless PNGs at model resolution. */
export function DownloadButtons() {
  const adv = useLab(selectAdversarial);
  const image = useLab(selectImage);
  const slug = adv ? displayName(adv.top1).replace(/\W+/g, "-") : "";
  return (
    <div className="downloads">
      <button
        type="button"
        disabled={!adv}
        onClick={() =>
          adv &&
          void download(
            adv.advRgba,
            image.size,
            `gibbon-adversarial-eps${adv.epsLevel}-${slug}.png`,
          )
        }
      >
        Download adversarial PNG
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!image.rgba}
        onClick={() => image.rgba && void download(image.rgba, image.size, "gibbon-original.png")}
      >
        Download original PNG
      </button>
      <small className="muted">
        {image.size}×{image.size} px, exactly what the model saw; load it back to check.
      </small>
    </div>
  );
}
