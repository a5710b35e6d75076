import { useMemo } from "react";
import { costTable } from "../../store/training/costTable";
import type { RunView } from "../../store/training/trainingStore";
import { METHOD_INFO } from "./methodInfo";

const pct = (v: number | null) => (v === null ? "…" : `${(v * 100).toFixed(1)}%`);
const times = (v: number | null) => (v === null ? "…" : `${v.toFixed(2)}×`);
const extra = (v: number | null) =>
  v === null ? "" : ` (${v >= 1 ? "+" : "−"}${Math.abs(v - 1).toFixed(2)}× extra)`;

/** The blog's cost table, measured: every cell comes from the runs on screen. */
export function CostTable({ runs }: { runs: readonly RunView[] }) {
  const rows = useMemo(() => costTable(runs), [runs]);
  if (rows.length === 0) {
    return <p className="hint">Train some methods: this table fills in from their runs.</p>;
  }
  const hasStandard = rows.some((r) => r.method === "standard");
  return (
    <>
      <table className="compare cost-table">
        <thead>
          <tr>
            <th scope="col">method</th>
            <th scope="col">cost × standard (measured)</th>
            <th scope="col">clean accuracy</th>
            <th scope="col">robust accuracy</th>
            <th scope="col">forward / backward passes</th>
            <th scope="col">training time</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-method={r.method}>
              <th scope="row">
                {METHOD_INFO[r.method].name}
                {r.stoppedEarly && <small> (stopped early)</small>}
              </th>
              <td className="cost-cell">
                {times(r.costVsStandard)}
                {r.method !== "standard" && extra(r.costVsStandard)}
              </td>
              <td>{pct(r.clean)}</td>
              <td>{pct(r.robust)}</td>
              <td>
                {r.forward.toFixed(0)} / {r.backward.toFixed(0)}
              </td>
              <td>{r.seconds.toFixed(1)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="caption">
        Cost is wall time for one epoch of each method's own schedule, divided by standard
        training's: free training's epoch is 1/m of a pass over the data, replayed m times.
        {!hasStandard && " Train Standard alongside to fill in the cost column."} Passes are counted
        in minibatches; accuracies are the latest measured points.
      </p>
    </>
  );
}
