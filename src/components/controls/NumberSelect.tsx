import type { ReactNode } from "react";

/** A labelled drop-down of numbers (digit classes, epochs, sizes); the store owns the value. */
export function NumberSelect({
  label,
  value,
  options,
  onChange,
  disabled = false,
  className,
}: {
  label: ReactNode;
  value: number;
  options: readonly number[];
  onChange: (value: number) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}{" "}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} disabled={disabled}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
