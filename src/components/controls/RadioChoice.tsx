/** One option of a RadioChoice: its value, what it reads, and an optional tooltip. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  title?: string;
}

/** A labelled group of radio buttons choosing one value; the store owns the value. */
export function RadioChoice<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  className,
  legendClassName,
}: {
  legend: string;
  /** The radios' group name, unique on the page. */
  name: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
  legendClassName?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className={legendClassName}>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} title={c.title}>
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
