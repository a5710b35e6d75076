import { useMemo } from "react";
import { Scroller } from "../../components/Scroller";
import { costTable } from "../../store/training/costTable";
import type { RunView } from "../../store/training/trainingStore";
import { runInfo } from "./methodInfo";

const pct = (v: number | null) => (v === null ? "…" : `${(v * 100).toFixed(1)}%`);
const times = (v: number | null) => (v === null ? "…" : `${v.toFixed(2)}×`);

/** The blog's cost table, measured: every cell comes from the runs on screen. */
export function CostTable({ runs }: { runs: readonly RunView[] }) {
  const rows = useMemo(() => costTable(runs), [runs]);
  if (rows.length === 0) {
    return <p className="hint">Train some methods: this table fills in from their runs.</p>;
  }
  const hasStandard = rows.some((r) => r.method === "standard");
  return (
    <>
      <Scroller label="cost table">
        <table className="compare reflow cost-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                method
              </th>
              <th scope="colgroup" colSpan={2}>
                cost × standard
              </th>
              <th scope="col" rowSpan={2}>
                clean accuracy
              </th>
              <th scope="col" rowSpan={2}>
                robust accuracy
              </th>
              <th scope="col" rowSpan={2}>
                passes (forward / backward)
              </th>
              <th scope="col" rowSpan={2}>
                training time
              </th>
            </tr>
            <tr>
              <th scope="col">counted</th>
              <th scope="col">measured</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-method={r.method} data-run={r.id}>
                <th scope="row">
                  {runInfo(r).name}
                  {r.stoppedEarly && <small> (stopped early)</small>}
                </th>
                <td className="cost-cell" data-label="cost × standard, counted">
                  {times(r.passesVsStandard)}
                </td>
                <td className="cost-cell" data-label="cost × standard, measured">
                  {times(r.costVsStandard)}
                </td>
                <td data-label="clean accuracy">{pct(r.clean)}</td>
                <td data-label="robust accuracy">{pct(r.robust)}</td>
                <td data-label="passes (forward / backward)">
                  {r.forward.toFixed(0)} / {r.backward.toFixed(0)}
                </td>
                <td data-label="training time">{r.seconds.toFixed(1)} s</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <p className="caption">
        Cost is per epoch of each method's own schedule, relative to standard training. Counted:
        backward passes (exact; free training's epoch is 1/m of a pass over the data, replayed m
        times, so it makes as many as a standard epoch). Measured: wall time in this tab from each
        run's second update on (the first pays one-off start-up costs), which for models this small
        also includes each extra operation's fixed cost.
        {!hasStandard && " Train Standard alongside to fill in the measured column."} Accuracies are
        the latest points on the chart; passes are counted in whole minibatches.
      </p>
    </>
  );
}
