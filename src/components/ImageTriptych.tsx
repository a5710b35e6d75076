import type { ReactNode } from "react";
import type { ClassScore } from "../engine/types";
import { useLab } from "../store";
import { selectAdversarial, selectImage, selectOriginal } from "../store/selectors";
import { PixelCanvas } from "./canvas/PixelCanvas";
import { formatScore } from "./format";

/** " — giant panda 99.9%" after a panel's title, once there is a prediction. */
const verdict = (top: ClassScore | undefined) => (top ? ` — ${formatScore(top)}` : "");

/** One image of the triptych with its caption. */
function Panel(props: {
  rgba: Uint8ClampedArray | null;
  size: number;
  label: string;
  children: ReactNode;
}) {
  return (
    <figure>
      <PixelCanvas rgba={props.rgba} size={props.size} label={props.label} />
      <figcaption>{props.children}</figcaption>
    </figure>
  );
}

/** Original | amplified perturbation | adversarial, side by side, pixel-crisp. */
export function ImageTriptych() {
  const image = useLab(selectImage);
  const original = useLab(selectOriginal);
  const adv = useLab(selectAdversarial);
  const gain = adv ? adv.gain.toFixed(0) : "…";
  return (
    <div className="triptych">
      <Panel rgba={image.rgba} size={image.size} label="original image">
        <b>Original</b>
        {verdict(original?.top5[0])}
        {image.credit && (
          <small className="credit">
            Photo: {image.sourceUrl ? <a href={image.sourceUrl}>{image.credit}</a> : image.credit}
          </small>
        )}
      </Panel>
      <div className="op" aria-hidden="true">
        +
      </div>
      <Panel rgba={adv?.perturbRgba ?? null} size={image.size} label="perturbation, amplified">
        <b>Perturbation</b> × {gain}
        <small>signed, amplified {gain}× to be visible; grey = unchanged</small>
      </Panel>
      <div className="op" aria-hidden="true">
        =
      </div>
      <Panel rgba={adv?.advRgba ?? null} size={image.size} label="adversarial image">
        <b>Adversarial</b>
        {verdict(adv?.top5[0])}
      </Panel>
    </div>
  );
}
