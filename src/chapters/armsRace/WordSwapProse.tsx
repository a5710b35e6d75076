import { Tex } from "../../components/Tex";
import { REFS } from "../references";

/** HotFlip's first-order estimate of swapping word i (embedding e_{x_i}) for word w (stacked when narrow). */
const FIRST_ORDER = [
  String.raw`\Delta L_{i \to w}`,
  String.raw`\approx (e_w - e_{x_i})^{\top}\, \nabla_{e_{x_i}} L`,
];

/** The language-model stop: the same first-order trick on words, and what it does and does not say about chatbots. */
export function WordSwapProse() {
  return (
    <div className="prose">
      <p>
        Text is not a grid of pixels: a word is there or it is not, so there is no small ε to add.
        But a network reads each word as a vector, its embedding, and the loss has a gradient with
        respect to that vector. <a href={REFS.ebrahimi.url}>HotFlip</a> (Ebrahimi et al.) uses it to
        ask, for every position and every candidate word at once, how much a swap would raise the
        loss, to first order:
      </p>
      <Tex block>{FIRST_ORDER}</Tex>
      <p>
        One backward pass prices every swap; a few forward passes check the most promising ones; a
        beam search keeps the best few sentences and repeats, up to k swaps. It is FGSM's idea, one
        linear look at the loss, moved from pixels to a discrete choice of words.
      </p>
      <p>
        The classifier here is small and honest about it: word embeddings, a window of three words
        through one layer, the average over the sentence. It is trained in your browser on 1,200
        review sentences written for Gibbon, and the page reports its accuracy on 300 it never saw.
        The attack may only swap neutral words (a noun for another noun, "our" for "my"), never an
        opinion word or a negation, so every word that carries the opinion is still there. A swap
        can still change the subject, though, and now and then what the sentence says about it: a
        charger that "gets alarmingly hot" is faulty, a kettle that does is not. Food and drink are
        split into those served hot and those served cold, so no soup that "arrived cold" becomes a
        salad, but the groups know nothing else of context. Dotted words below are the ones it may
        change.
      </p>
      <p>
        This is the principle behind the 2023 attacks on chatbots, not a chatbot attack. Zou et
        al.'s <a href={REFS.zou.url}>GCG</a> uses the same gradient on one-hot tokens to rank
        replacements in a suffix, checks a batch of candidates by forward passes, and keeps the
        best, until an aligned model answers what it should refuse;{" "}
        <a href={REFS.wallace.url}>universal triggers</a> did the same for classifiers in 2019.
        Where the analogy stops: GCG's suffixes are gibberish, optimised over many prompts and
        models, against a refusal rather than a label, and they transfer to closed models. Prompt
        injection (<a href={REFS.greshake.url}>Greshake et al.</a>) needs no gradient at all: it
        plants readable instructions in text the assistant reads. Our swaps keep the sentence
        readable and flip only sentences the small model leans on weakly; that limit is the lesson
        of the flip-rate table.
      </p>
    </div>
  );
}
