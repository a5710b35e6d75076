import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createWordSwapStore, SENTENCE_MAX_LENGTH } from "../../store/armsRace/wordSwapStore";
import { inProcessDigits } from "../../store/testing/inProcessDigits";
import type { TextModelInfo, TextTrainProgress } from "./wordSwapApi";

let worker: ReturnType<typeof inProcessDigits>;
let info: TextModelInfo;
const trained: TextTrainProgress[] = [];
const URL = "http://gibbon.test/data/sentences.tsv";
const tensors = async () =>
  (await worker.client.call("memory", null, { priority: "batch" })).numTensors;

beforeAll(async () => {
  worker = inProcessDigits();
  await worker.store.getState().actions.start();
  info = await worker.client.call(
    "textTrain",
    { url: URL, seed: 1 },
    { onProgress: (p) => trained.push(p) },
  );
}, 120_000);
afterAll(() => worker.close());

describe("the language-model stop's jobs in the digits worker, through its protocol", () => {
  it("trains the classifier from the shipped corpus, reporting each epoch, to at least 75% on held-out sentences", () => {
    expect(trained.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    expect(info.testCount).toBe(300);
    expect(info.trainCount).toBe(1200);
    expect(info.testAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(info.trainAccuracy).toBeGreaterThan(info.testAccuracy);
    expect(info.licence).toMatch(/MIT/);
    expect(info.examples.length).toBeGreaterThan(10);
  });

  it("attacks a typed sentence: the words read, the unknown ones, the swaps and both answers", async () => {
    const before = await tensors();
    const v = await worker.client.call("textAttack", {
      sentence: "The staff at the hotel were friendly, and our room had a zorblax view.",
      maxSwaps: 2,
    });
    expect(v.tokens[0]).toBe("the");
    expect(v.unknown).toEqual(["zorblax"]);
    expect(v.adversarial).toHaveLength(v.tokens.length);
    const changed = v.tokens.filter((t, i) => t !== v.adversarial[i]);
    expect(changed.length).toBe(v.swaps.length);
    expect(v.swaps.length).toBeLessThanOrEqual(2);
    for (const s of v.swaps) expect(v.swappable).toContain(s.position);
    expect(v.backwardPasses).toBeGreaterThan(0);
    expect(await tensors()).toBe(before);
  });

  it("refuses an empty sentence with a message", async () => {
    await expect(
      worker.client.call("textAttack", { sentence: " ?! ", maxSwaps: 1 }),
    ).rejects.toThrow(/at least one word/);
  });

  it("measures flip rates sentence by sentence, and stops when cancelled", async () => {
    const before = await tensors();
    const seen: number[] = [];
    const rate = await worker.client.call(
      "textFlipRate",
      { count: 12 },
      { onProgress: (p) => seen.push(p.done) },
    );
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rate.attacked).toBeGreaterThan(0);
    expect(rate.attacked).toBeLessThanOrEqual(12);
    expect(rate.flipped[0]).toBeLessThanOrEqual(rate.flipped[1]);
    expect(rate.flipped[1]).toBeLessThanOrEqual(rate.flipped[2]);
    expect(rate.bestInTop3).toBeLessThanOrEqual(rate.ranked);
    expect(rate.outcomes).toHaveLength(12);
    expect(rate.outcomes.filter((o) => o !== null)).toHaveLength(rate.attacked);
    expect(rate.outcomes.filter((o) => o !== null && o > 0)).toHaveLength(rate.flipped[2]);

    const stop = new AbortController();
    const cancelled = worker.client.call(
      "textFlipRate",
      { count: 300 },
      { signal: stop.signal, onProgress: (p) => p.done === 3 && stop.abort() },
    );
    await expect(cancelled).rejects.toThrow(/abort|cancel/i);
    expect(await tensors()).toBe(before);
  });
});

describe("the word-swap store, on the same worker", () => {
  it("trains once reached, attacks the first example, measures the flip rate, then shows a sentence that flips", async () => {
    const before = await tensors();
    const store = createWordSwapStore(worker.store, URL);
    const settled = () =>
      new Promise<void>((resolve) => {
        const done = () =>
          store.getState().flipRate?.status === "done" &&
          store.getState().attack?.status === "done";
        const stop = store.subscribe(() => {
          if (!done()) return;
          stop();
          resolve();
        });
      });
    const finished = settled();
    store.getState().actions.start();
    store.getState().actions.start(); // a second visit does not train again
    await finished;
    const s = store.getState();
    expect(s.training?.status).toBe("done");
    expect(s.training?.result?.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(s.flipRate?.result?.outcomes).toHaveLength(300);
    const flips = s.flipRate?.result?.outcomes ?? [];
    const first = flips.findIndex(
      (o, i) => o !== null && o > 0 && o <= 2 && i < (s.model?.examples.length ?? 0),
    );
    expect(first).toBeGreaterThanOrEqual(0);
    await vi.waitFor(() => expect(store.getState().attack?.result?.flipped).toBe(true));
    expect(store.getState().sentence).toBe(s.model?.examples[first].text);
    // The store trained a second classifier: the first one and its optimizer are gone.
    expect(await tensors()).toBe(before);
    store.getState().actions.setSentence("x".repeat(500));
    expect(store.getState().sentence).toHaveLength(SENTENCE_MAX_LENGTH);
  }, 120_000);
});
