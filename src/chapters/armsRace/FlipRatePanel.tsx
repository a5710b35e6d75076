import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatPercent } from "../../components/format";
import {
  selectFlipRate,
  selectTextModel,
  selectWordSwapActions,
  useWordSwap,
} from "../../store/armsRace";
import { SWAP_CHOICES } from "../../store/armsRace/wordSwapStore";

const share = (n: number, of: number) => (of > 0 ? formatPercent(n / of) : "–");

/** The flip rate at k = 1, 2, 3 over the held-out sentences, and how well the estimate ranks. */
export function FlipRatePanel() {
  const actions = useWordSwap(selectWordSwapActions);
  const model = useWordSwap(selectTextModel);
  const run = useWordSwap(selectFlipRate);
  const rate = run?.result;
  return (
    <section className="demo panel" aria-label="Flip rate over held-out sentences">
      <h3>How often does it work?</h3>
      <p className="panel-note">
        Every held-out sentence the classifier reads correctly is attacked with up to three swaps
        (beam search, 4 sentences kept per step, 8 swaps checked for each).
      </p>
      <div className="demo-toolbar">
        <RunButton
          running={run?.status === "running"}
          label="Measure flip rate"
          onRun={actions.measureFlipRate}
          onStop={actions.cancelFlipRate}
        />
        {model && <RunProgress run={run} unit="sentences" />}
      </div>
      {rate && (
        <>
          <table className="swap-table" aria-label="flip rate">
            <caption>
              Of {rate.attacked} correctly read sentences
              {run?.status === "running" ? " so far" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Swaps at most (k)</th>
                <th scope="col">Flipped</th>
                <th scope="col">Flip rate</th>
              </tr>
            </thead>
            <tbody>
              {SWAP_CHOICES.map((k) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td>{rate.flipped[k - 1]}</td>
                  <td>{share(rate.flipped[k - 1], rate.attacked)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="panel-note">
            First-order estimate against forward passes: on {rate.bestInTop3} of {rate.ranked}{" "}
            sentences ({share(rate.bestInTop3, rate.ranked)}) the swap that really raises the loss
            most was among the estimate's top three single swaps.
          </p>
        </>
      )}
    </section>
  );
}
