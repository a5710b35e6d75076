import type { Vocabulary } from "./tokens";

/**
 * Interchangeable neutral words, by kind ("determiner", "noun", ...). A swap replaces a word only
 * by another of its own group, so the sentence keeps its grammar; words in no group (opinion
 * words, negations, anything unlisted) are never touched.
 */
export type WordGroups = Readonly<Record<string, readonly string[]>>;

/** For every vocabulary id, the ids it may be swapped for (empty: never swapped). */
export type SwapTable = readonly Int32Array[];

export function swapTable(vocab: Vocabulary, groups: WordGroups): SwapTable {
  const table: Int32Array[] = vocab.words.map(() => new Int32Array(0));
  for (const words of Object.values(groups)) {
    const ids = words.map((w) => vocab.ids.get(w)).filter((id): id is number => id !== undefined);
    for (const id of ids) table[id] = Int32Array.from(ids.filter((other) => other !== id));
  }
  return table;
}
