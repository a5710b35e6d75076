/** Words (with an apostrophe part: "didn't") and punctuation marks, in lower case. */
const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|[.,!;:?()-]/g;

/** Splits a sentence into the tokens the model reads; other characters are dropped. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(TOKEN) ?? []
  );
}

/** True for a word token (not a punctuation mark). */
export const isWord = (token: string) => /^[a-z0-9]/.test(token);

/** Tokens back to text: spaces between words, none before punctuation. */
export function detokenize(tokens: readonly string[]): string {
  return tokens.map((t, i) => (i > 0 && isWord(t) ? ` ${t}` : t)).join("");
}

/** The longest sentence the classifier reads, in tokens; the rest is cut off. */
export const MAX_TOKENS = 40;

export const PAD = 0;
export const UNKNOWN = 1;

/** Every token of the training sentences, by id; 0 pads and 1 stands for unseen words. */
export interface Vocabulary {
  words: string[];
  ids: Map<string, number>;
}

/** The vocabulary of `sentences`, most frequent first (ties alphabetical): the same every time. */
export function buildVocabulary(sentences: readonly string[][]): Vocabulary {
  const counts = new Map<string, number>();
  for (const tokens of sentences) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const words = ["<pad>", "<unknown>", ...sorted];
  return { words, ids: new Map(words.map((w, i) => [w, i])) };
}

/** Token ids of a sentence, at most MAX_TOKENS; unseen words map to UNKNOWN. */
export function encode(tokens: readonly string[], vocab: Vocabulary): Int32Array {
  return Int32Array.from(tokens.slice(0, MAX_TOKENS), (t) => vocab.ids.get(t) ?? UNKNOWN);
}
