import { type LabelledSentence, parseCorpus, splitCorpus } from "./corpus";
import { type EncodedSet, encodeSet } from "./sentimentData";
import { DEFAULT_SHAPE, type SentimentShape } from "./sentimentModel";
import { type SwapTable, swapTable } from "./swapTable";
import { buildVocabulary, tokenize, type Vocabulary } from "./tokens";
import { WORD_GROUPS } from "./wordGroups";

/** Held-out sentences of each label, and the split's seed. */
export const TEST_PER_CLASS = 150;
export const SPLIT_SEED = 7;

/** Everything the sentiment demo reads from the corpus: the split, encoded, and the swaps. */
export interface SentimentTask {
  licence: string;
  vocab: Vocabulary;
  table: SwapTable;
  shape: SentimentShape;
  train: EncodedSet;
  test: EncodedSet;
  testSentences: LabelledSentence[];
}

/** Reads the corpus, splits it, builds the vocabulary on the training side only. */
export function sentimentTask(corpusText: string): SentimentTask {
  const { licence, sentences } = parseCorpus(corpusText);
  const { train, test } = splitCorpus(sentences, TEST_PER_CLASS, SPLIT_SEED);
  const vocab = buildVocabulary(train.map((s) => tokenize(s.text)));
  return {
    licence,
    vocab,
    table: swapTable(vocab, WORD_GROUPS),
    shape: { vocabSize: vocab.words.length, ...DEFAULT_SHAPE },
    train: encodeSet(train, vocab),
    test: encodeSet(test, vocab),
    testSentences: test,
  };
}
