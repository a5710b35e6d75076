import type { JobFields } from "../../store/jobSlot";

/**
 * A long job's progress bar and one live line beside it ("300 of 1,000 samples", "stopped",
 * or the error); `unit` names what is counted.
 */
export function RunProgress({ run, unit }: { run: JobFields | null; unit: string }) {
  if (!run) return null;
  const count = (n: number) => n.toLocaleString("en-US");
  const line =
    run.status === "running"
      ? `${count(run.done)} of ${count(run.total)} ${unit}`
      : run.status === "paused"
        ? `paused at ${count(run.done)} of ${count(run.total)} ${unit}`
        : run.status === "cancelled"
          ? (run.message ?? "stopped")
          : run.status === "error"
            ? run.message
            : `${count(run.done)} ${unit}`;
  return (
    <>
      <progress max={run.total} value={run.done} aria-label={`${unit} done`}>
        {run.done} of {run.total}
      </progress>
      <span className={run.status === "error" ? "hint error" : "hint"} aria-live="polite">
        {line}
      </span>
    </>
  );
}
