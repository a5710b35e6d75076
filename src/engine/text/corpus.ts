import { shuffledIndices } from "../random";
import { tokenize } from "./tokens";

/** 0: negative, 1: positive (the classifier's two logits, in this order). */
export type Sentiment = 0 | 1;
export const SENTIMENT_NAMES = ["negative", "positive"] as const;

export interface LabelledSentence {
  text: string;
  label: Sentiment;
}

export interface Corpus {
  /** The corpus's own statement of where it comes from and its licence. */
  licence: string;
  sentences: LabelledSentence[];
}

const LABELS: Record<string, Sentiment> = { neg: 0, pos: 1 };

/**
 * Reads the shipped corpus: `# Licence: ...` and other `#` comment lines, then one
 * `pos<TAB>sentence` or `neg<TAB>sentence` per line. Throws on a line it cannot read.
 */
export function parseCorpus(tsv: string): Corpus {
  let licence = "";
  const sentences: LabelledSentence[] = [];
  for (const [n, raw] of tsv.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#")) {
      const m = /^#\s*Licen[cs]e:\s*(.+)$/i.exec(line);
      if (m) licence = m[1];
      continue;
    }
    const [tag, text, ...rest] = raw.split("\t");
    const label = LABELS[tag];
    if (label === undefined || !text?.trim() || rest.length > 0) {
      throw new SyntaxError(`Corpus line ${n + 1} is not "pos|neg<TAB>sentence".`);
    }
    sentences.push({ text: text.trim(), label });
  }
  return { licence, sentences };
}

/** A sentence as the model reads it (lower case, tokens joined): equal keys, same input. */
export const sentenceKey = (text: string) => tokenize(text).join(" ");

/**
 * A stratified, seeded split: `testPerClass` sentences of each label for testing, the rest for
 * training. Sentences the model would read identically are kept once, so none is on both sides.
 */
export function splitCorpus(
  sentences: readonly LabelledSentence[],
  testPerClass: number,
  seed: number,
): { train: LabelledSentence[]; test: LabelledSentence[] } {
  const seen = new Set<string>();
  const unique = sentences.filter((s) => {
    const key = sentenceKey(s.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const train: LabelledSentence[] = [];
  const test: LabelledSentence[] = [];
  for (const label of [0, 1] as const) {
    const own = unique.filter((s) => s.label === label);
    if (own.length <= testPerClass) {
      throw new RangeError(
        `Only ${own.length} ${SENTIMENT_NAMES[label]} sentences for ${testPerClass} test ones.`,
      );
    }
    const order = shuffledIndices(own.length, seed + label);
    for (const [k, i] of order.entries()) (k < testPerClass ? test : train).push(own[i]);
  }
  // Interleave the labels again so no batch or list is all one class.
  const mix = (list: LabelledSentence[], s: number) =>
    Array.from(shuffledIndices(list.length, s), (i) => list[i]);
  return { train: mix(train, seed + 2), test: mix(test, seed + 3) };
}
