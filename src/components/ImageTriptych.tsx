import { displayName } from "../engine/models/classNames";
import { useLab } from "../store";
import { selectAdversarial, selectImage, selectOriginal } from "../store/selectors";
import { PixelCanvas } from "./canvas/PixelCanvas";
import { formatPercent } from "./format";

/** Original | amplified perturbation | adversarial, side by side, pixel-crisp. */
export function ImageTriptych() {
  const image = useLab(selectImage);
  const original = useLab(selectOriginal);
  const adv = useLab(selectAdversarial);
  const size = image.size;
  const cleanTop = original?.top5[0];
  const advTop = adv?.top5[0];
  return (
    <div className="triptych">
      <figure>
        <PixelCanvas rgba={image.rgba} size={size} label="original image" />
        <figcaption>
          <b>Original</b>
          {cleanTop &&
            ` — ${displayName(cleanTop.classIndex)} ${formatPercent(cleanTop.probability)}`}
          {image.credit && (
            <small className="credit">
              Photo: {image.sourceUrl ? <a href={image.sourceUrl}>{image.credit}</a> : image.credit}
            </small>
          )}
        </figcaption>
      </figure>
      <div className="op" aria-hidden="true">
        +
      </div>
      <figure>
        <PixelCanvas rgba={adv?.perturbRgba ?? null} size={size} label="perturbation, amplified" />
        <figcaption>
          <b>Perturbation</b> × {adv ? adv.gain.toFixed(0) : "…"}
          <small>
            signed, amplified {adv ? adv.gain.toFixed(0) : ""}× to be visible; grey = unchanged
          </small>
        </figcaption>
      </figure>
      <div className="op" aria-hidden="true">
        =
      </div>
      <figure>
        <PixelCanvas rgba={adv?.advRgba ?? null} size={size} label="adversarial image" />
        <figcaption>
          <b>Adversarial</b>
          {advTop && ` — ${displayName(advTop.classIndex)} ${formatPercent(advTop.probability)}`}
        </figcaption>
      </figure>
    </div>
  );
}
