import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCorpus, sentenceKey, splitCorpus } from "./corpus";
import { shippedCorpusText } from "./testing/shippedCorpus";
import { detokenize, tokenize } from "./tokens";
import { WORD_GROUPS } from "./wordGroups";

const corpus = parseCorpus(shippedCorpusText());

describe("the shipped sentiment corpus", () => {
  it("states its licence and holds at least 600 sentences, balanced between the labels", () => {
    expect(corpus.licence).toMatch(/MIT/);
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(600);
    const positive = corpus.sentences.filter((s) => s.label === 1).length;
    expect(positive * 2).toBe(corpus.sentences.length);
  });

  it("has no sentence twice, as the model reads them", () => {
    const keys = corpus.sentences.map((s) => sentenceKey(s.text));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("splits into train and test with no sentence on both sides, and the test set balanced", () => {
    const { train, test } = splitCorpus(corpus.sentences, 150, 7);
    expect(test).toHaveLength(300);
    expect(train.length + test.length).toBe(corpus.sentences.length);
    expect(test.filter((s) => s.label === 1)).toHaveLength(150);
    const trainKeys = new Set(train.map((s) => sentenceKey(s.text)));
    expect(test.some((s) => trainKeys.has(sentenceKey(s.text)))).toBe(false);
  });
});

describe("reading the corpus", () => {
  it("rejects a line without a label and a tab", () => {
    expect(() => parseCorpus("pos\tfine\nthis line has no label")).toThrow(/line 2/);
    expect(() => parseCorpus("maybe\tsomething")).toThrow(SyntaxError);
  });

  it("drops a sentence the model would read as another one already kept", () => {
    const twice = [
      { text: "Great food!", label: 1 as const },
      { text: "great  FOOD !", label: 1 as const },
      ...["a", "b", "c"].map((w) => ({ text: `bad ${w}`, label: 0 as const })),
      ...["d", "e"].map((w) => ({ text: `good ${w}`, label: 1 as const })),
    ];
    const { train, test } = splitCorpus(twice, 1, 1);
    expect(train.length + test.length).toBe(6);
  });

  it("tokenises words with apostrophes and punctuation, and writes them back", () => {
    const tokens = tokenize("I didn’t like it, at ALL!");
    expect(tokens).toEqual(["i", "didn't", "like", "it", ",", "at", "all", "!"]);
    expect(detokenize(tokens)).toBe("i didn't like it, at all!");
  });
});

describe("the word groups a swap may use", () => {
  const opinion = new Set(
    readFileSync(path.join(import.meta.dirname, "testing/opinionWords.txt"), "utf8").split(/\s+/),
  );
  const grouped = Object.values(WORD_GROUPS).flat();

  it("hold no opinion word or negation the corpus writers listed, and no word twice", () => {
    expect(opinion.size).toBeGreaterThan(500);
    expect(grouped.filter((w) => opinion.has(w))).toEqual([]);
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it("never swap a food served hot for one served cold, so 'arrived cold' keeps its meaning", () => {
    const hot = ["soup", "bread", "coffee", "tea", "pizza", "steak", "fries"];
    const cold = ["salad", "sushi", "wine", "cake", "dessert"];
    for (const words of Object.values(WORD_GROUPS)) {
      const mixed = words.some((w) => hot.includes(w)) && words.some((w) => cold.includes(w));
      expect(mixed, words.join(" ")).toBe(false);
    }
  });

  it("give every swappable word at least two others to become", () => {
    for (const words of Object.values(WORD_GROUPS)) expect(words.length).toBeGreaterThanOrEqual(3);
  });
});
