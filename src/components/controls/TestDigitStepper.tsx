/**
 * Which digit a demo uses ("Test digit #12", or "Your drawing"), with previous and next buttons
 * that step through the test digits; the store wraps the index.
 */
export function TestDigitStepper({
  index,
  drawn,
  onChange,
}: {
  index: number;
  /** The demo uses the reader's drawing instead (the buttons go back to the test digits). */
  drawn: boolean;
  onChange: (index: number) => void;
}) {
  return (
    <span className="field inline">
      {drawn ? "Your drawing" : `Test digit #${index}`}{" "}
      <button
        type="button"
        className="button secondary"
        aria-label="previous test digit"
        onClick={() => onChange(index - 1)}
      >
        ←
      </button>{" "}
      <button
        type="button"
        className="button secondary"
        aria-label="next test digit"
        onClick={() => onChange(index + 1)}
      >
        →
      </button>
    </span>
  );
}
