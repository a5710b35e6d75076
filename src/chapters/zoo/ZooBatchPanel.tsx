import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatDecimal, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import { ZOO } from "../../engine/attacks/zoo/registry";
import { DIGIT_MODEL_INFO, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import {
  selectZooActions,
  selectZooBatch,
  selectZooBatchCount,
  selectZooChosen,
  useZoo,
} from "../../store/zoo";
import { BATCH_COUNTS } from "../../store/zoo/zooStore";
import { L2SuccessChart } from "./L2SuccessChart";

/** A median that may be missing (no success): "–". */
const median = (v: number) => (Number.isFinite(v) ? formatDecimal(v) : "–");

/**
 * Batch mode: the ticked attacks, with the reader's settings, over the first N test digits of
 * a digit model, in the digits worker: success rate and the median sizes of the successes.
 */
export function ZooBatchPanel({ kind }: { kind: DigitModelKind }) {
  const actions = useZoo(selectZooActions);
  const run = useZoo(selectZooBatch);
  const count = useZoo(selectZooBatchCount);
  const chosen = useZoo(selectZooChosen).digits;
  const rows = run?.result ?? [];
  return (
    <section className="zoo-batch" aria-labelledby="zoo-batch-title">
      <h4 id="zoo-batch-title">Batch mode: {count} test digits</h4>
      <p className="panel-note">
        One digit can be luck. Here each ticked attack runs, with the settings above, on the first{" "}
        {count} test digits of the {DIGIT_MODEL_INFO[kind].name.toLowerCase()}; sizes are medians
        over the digits it fooled. This is where DeepFool and Carlini-Wagner show their point: they
        succeed about as often as PGD with much smaller changes.
      </p>
      <div className="demo-toolbar">
        <NumberSelect
          label="Digits"
          value={count}
          options={BATCH_COUNTS}
          onChange={actions.setBatchCount}
        />
        <RunButton
          running={run?.status === "running"}
          label="Run batch"
          onRun={actions.runBatch}
          onStop={actions.cancelBatch}
        />
        <RunProgress run={run} unit="attacks" />
      </div>
      {chosen.length === 0 && <p className="hint">Tick at least one attack above.</p>}
      {rows.length > 0 && (
        <>
          <Scroller label="batch table">
            <table className="zoo-table" aria-label="attack batch results">
              <thead>
                <tr>
                  <th scope="col">Attack</th>
                  <th scope="col">Success</th>
                  <th scope="col">Median L0</th>
                  <th scope="col">Median L2</th>
                  <th scope="col">Median L∞</th>
                  <th scope="col">Gradients</th>
                  <th scope="col">Time</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{ZOO[r.id].name}</th>
                    <td>{formatPercent(r.success)}</td>
                    <td>{median(r.medianL0)}</td>
                    <td>{median(r.medianL2)}</td>
                    <td>{median(r.medianLinf)}</td>
                    <td>{r.backward.toLocaleString("en")}</td>
                    <td>{(r.ms / 1000).toFixed(1)} s</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroller>
          <L2SuccessChart
            bars={rows.map((r) => ({ id: r.id, l2: r.medianL2, success: r.success }))}
            caption={`Median L2 of the successful changes, and success rate, over ${rows[0].count} digits`}
          />
        </>
      )}
    </section>
  );
}
