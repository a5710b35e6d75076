import type { ReactNode } from "react";
import type { ClassScore } from "../engine/types";
import { useLab } from "../store";
import { selectAdversarial, selectImage, selectModel, selectOriginal } from "../store/selectors";
import { PixelCanvas } from "./canvas/PixelCanvas";
import { formatScore } from "./format";
import { PhotoCredit } from "./PhotoCredit";

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

/** What the network says about a panel ("giant panda 99.95%"), or why nothing is said yet. */
function Verdict({ top, waiting, adv }: { top?: ClassScore; waiting: string; adv?: boolean }) {
  return <span className={`verdict${adv ? " adv" : ""}`}>{top ? formatScore(top) : waiting}</span>;
}

/** Original | amplified perturbation | adversarial, side by side, pixel-crisp. */
export function ImageTriptych() {
  const image = useLab(selectImage);
  const model = useLab(selectModel);
  const original = useLab(selectOriginal);
  const adv = useLab(selectAdversarial);
  const waiting = model.status === "error" ? "no model loaded" : "waiting for the model…";
  return (
    <div className="triptych">
      <Panel rgba={image.rgba} size={image.size} label="original image">
        <b>Original</b>
        <Verdict top={original?.top5[0]} waiting={image.rgba ? waiting : "no photo yet"} />
        <PhotoCredit />
      </Panel>
      <div className="op" aria-hidden="true">
        +
      </div>
      <Panel rgba={adv?.perturbRgba ?? null} size={image.size} label="perturbation, amplified">
        <b>Perturbation</b>
        {adv ? (
          <small>signed, amplified {adv.gain.toFixed(0)}× to be visible; grey = unchanged</small>
        ) : (
          <small>appears once the model has judged the photo</small>
        )}
      </Panel>
      <div className="op" aria-hidden="true">
        =
      </div>
      <Panel rgba={adv?.advRgba ?? null} size={image.size} label="adversarial image">
        <b>Adversarial</b>
        <Verdict top={adv?.top5[0]} waiting={waiting} adv />
      </Panel>
    </div>
  );
}
