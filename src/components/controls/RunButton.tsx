/** A long job's one button: `label` starts it, and while it runs the same place says Stop. */
export function RunButton({
  running,
  label,
  onRun,
  onStop,
}: {
  running: boolean;
  label: string;
  onRun: () => void;
  onStop: () => void;
}) {
  return running ? (
    <button type="button" className="button secondary" onClick={onStop}>
      Stop
    </button>
  ) : (
    <button type="button" className="button" onClick={onRun}>
      {label}
    </button>
  );
}
