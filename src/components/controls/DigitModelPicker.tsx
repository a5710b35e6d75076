import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModelKinds";
import { RadioChoice } from "./RadioChoice";

const CHOICES = DIGIT_MODEL_KINDS.map((kind) => ({
  value: kind,
  label: DIGIT_MODEL_INFO[kind].shortName,
  title: DIGIT_MODEL_INFO[kind].layers,
}));

/** A radio group choosing one of the three built-in digit models. */
export function DigitModelPicker({
  value,
  onChange,
  label = "Digit model",
}: {
  value: DigitModelKind;
  onChange: (kind: DigitModelKind) => void;
  label?: string;
}) {
  return (
    <RadioChoice
      className="digit-model-picker"
      legend={label}
      name={label}
      choices={CHOICES}
      value={value}
      onChange={onChange}
    />
  );
}
