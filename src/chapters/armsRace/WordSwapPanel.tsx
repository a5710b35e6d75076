import { RunProgress } from "../../components/controls/RunProgress";
import { formatPercent } from "../../components/format";
import {
  selectFlipRate,
  selectMaxSwaps,
  selectSentence,
  selectTextModel,
  selectTextTraining,
  selectWordSwap,
  selectWordSwapActions,
  useWordSwap,
} from "../../store/armsRace";
import { SENTENCE_MAX_LENGTH, SWAP_CHOICES } from "../../store/armsRace/wordSwapStore";
import type { WordSwapView } from "../../workers/digits/wordSwapApi";
import { SwapTable, TokenLine } from "./SwapViews";

const LABELS = ["negative", "positive"];

/** The classifier's training: progress per epoch, then its accuracy on held-out sentences. */
function TrainingLine() {
  const training = useWordSwap(selectTextTraining);
  const model = useWordSwap(selectTextModel);
  const actions = useWordSwap(selectWordSwapActions);
  if (model) {
    return (
      <p className="panel-note">
        Trained here, in the worker, on {model.trainCount.toLocaleString("en-US")} sentences (a
        vocabulary of {model.vocabSize.toLocaleString("en-US")} words): it reads{" "}
        <strong>{formatPercent(model.testAccuracy)}</strong> of the {model.testCount} held-out
        sentences correctly ({formatPercent(model.trainAccuracy)} of those it trained on).{" "}
        <button type="button" className="button secondary" onClick={actions.retrain}>
          Train again, new seed
        </button>
      </p>
    );
  }
  const last = training?.result?.at(-1);
  return (
    <p className="panel-note">
      Training a sentiment classifier on the corpus in the worker…{" "}
      <RunProgress run={training} unit="epochs" />
      {last && ` held-out accuracy after epoch ${last.epoch}: ${formatPercent(last.testAccuracy)}`}
    </p>
  );
}

/** What the attack did to the sentence, and whether the label flipped. */
function Outcome({ v }: { v: WordSwapView }) {
  const from = LABELS[v.label];
  const to = LABELS[1 - v.label];
  return (
    <section className="word-swap-result" aria-label="word swap result">
      <p>
        <span className="slider-title">Before</span>{" "}
        <TokenLine tokens={v.tokens} swappable={v.swappable} /> → <strong>{from}</strong> (
        {formatPercent(v.before[v.label])})
      </p>
      <p>
        <span className="slider-title">After</span>{" "}
        <TokenLine tokens={v.adversarial} swapped={v.swaps} /> →{" "}
        <strong>{LABELS[v.after[1] > v.after[0] ? 1 : 0]}</strong> (
        {formatPercent(Math.max(...v.after))})
      </p>
      <p className="attack-verdict" role="status">
        {v.flipped
          ? `Flipped from ${from} to ${to} with ${v.swaps.length} word swap${v.swaps.length === 1 ? "" : "s"}.`
          : v.swaps.length === 0
            ? "No allowed swap raised the loss: the sentence keeps its label."
            : `Held: the best ${v.swaps.length} swap${v.swaps.length === 1 ? "" : "s"} only lowered its confidence in ${from} to ${formatPercent(v.after[v.label])}.`}
      </p>
      {v.swaps.length > 0 && <SwapTable swaps={v.swaps} />}
      <p className="panel-note">
        {v.forwardPasses} sentences run forward, {v.backwardPasses} backward pass
        {v.backwardPasses === 1 ? "" : "es"}.
        {v.unknown.length > 0 &&
          ` Words the classifier never saw (read as one unknown word): ${v.unknown.join(", ")}.`}
        {v.truncated && " Only the first 40 words were read."}
        {v.swappable.length === 0 && " No word of this sentence is in a swap group."}
      </p>
    </section>
  );
}

/** The reader's sentence, k, the attack and its result. */
export function WordSwapPanel() {
  const actions = useWordSwap(selectWordSwapActions);
  const model = useWordSwap(selectTextModel);
  const sentence = useWordSwap(selectSentence);
  const maxSwaps = useWordSwap(selectMaxSwaps);
  const run = useWordSwap(selectWordSwap);
  const outcomes = useWordSwap(selectFlipRate)?.result?.outcomes;
  const flipsWith = (i: number) => {
    const o = outcomes?.[i];
    return o ? ` (flips with ${o})` : "";
  };
  return (
    <section
      className="demo panel"
      id="word-swap"
      aria-label="Flip a sentiment classifier with word swaps"
    >
      <h3>Swap a word, flip the label</h3>
      <TrainingLine />
      <label className="sentence-box">
        <span className="slider-title">Your sentence</span>
        <textarea
          aria-label="sentence"
          rows={2}
          maxLength={SENTENCE_MAX_LENGTH}
          value={sentence}
          onChange={(e) => actions.setSentence(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && model) actions.attack();
          }}
          aria-describedby="sentence-hint"
        />
        <span id="sentence-hint" className="hint">
          Ctrl+Enter attacks it.
        </span>
      </label>
      {model && (
        <label className="choice">
          Or pick a held-out sentence{" "}
          <select
            aria-label="example sentence"
            value={model.examples.findIndex((e) => e.text === sentence)}
            onChange={(e) => actions.setSentence(model.examples[Number(e.target.value)].text)}
          >
            <option value={-1} disabled>
              (your own)
            </option>
            {model.examples.map((e, i) => (
              <option key={e.text} value={i}>
                {e.text}
                {flipsWith(i)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="choice-row">
        <legend>Swaps at most (k)</legend>
        {SWAP_CHOICES.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="max-swaps"
              checked={maxSwaps === k}
              onChange={() => actions.setMaxSwaps(k)}
            />{" "}
            {k}
          </label>
        ))}
      </fieldset>
      <div className="demo-toolbar">
        <button
          type="button"
          className="button"
          onClick={actions.attack}
          disabled={!model || run?.status === "running" || !sentence.trim()}
        >
          Attack sentence
        </button>
        {run?.status === "running" && <span className="hint">searching…</span>}
        {run?.status === "error" && <span className="hint error">{run.message}</span>}
      </div>
      {run?.result && <Outcome v={run.result} />}
    </section>
  );
}
