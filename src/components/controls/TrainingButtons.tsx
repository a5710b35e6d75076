/**
 * The buttons of a live training run: Train when none is going, Pause or Resume while one is,
 * and Reset to the shipped weights (also while a run goes, which stops it).
 */
export function TrainingButtons({
  status,
  canReset,
  onTrain,
  onPause,
  onResume,
  onReset,
}: {
  status: "idle" | "running" | "paused";
  /** Whether there is anything to reset: a run going, or retrained weights in use. */
  canReset: boolean;
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  onReset: () => void;
}) {
  return (
    <>
      {status === "idle" && (
        <button type="button" className="button" onClick={onTrain}>
          Train
        </button>
      )}
      {status === "running" && (
        <button type="button" className="button secondary" onClick={onPause}>
          Pause
        </button>
      )}
      {status === "paused" && (
        <button type="button" className="button secondary" onClick={onResume}>
          Resume
        </button>
      )}
      <button type="button" className="button secondary" onClick={onReset} disabled={!canReset}>
        Reset to the shipped weights
      </button>
    </>
  );
}
