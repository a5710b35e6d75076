import {
  DIGIT_MODEL_INFO,
  DIGIT_MODEL_KINDS,
  type DigitModelKind,
} from "../../engine/digits/digitModelKinds";

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
    <fieldset className="digit-model-picker">
      <legend>{label}</legend>
      {DIGIT_MODEL_KINDS.map((kind) => (
        <label key={kind} title={DIGIT_MODEL_INFO[kind].layers}>
          <input
            type="radio"
            name={label}
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
          />
          {DIGIT_MODEL_INFO[kind].shortName}
        </label>
      ))}
    </fieldset>
  );
}
