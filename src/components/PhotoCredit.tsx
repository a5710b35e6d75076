import { useLab } from "../store";
import { selectImage } from "../store/selectors";

/** The credit of chapter 1's photo, linked to its source, for every place that shows it. */
export function PhotoCredit() {
  const image = useLab(selectImage);
  if (!image.credit) return null;
  return (
    <small className="credit">
      Photo: {image.sourceUrl ? <a href={image.sourceUrl}>{image.credit}</a> : image.credit}
    </small>
  );
}
