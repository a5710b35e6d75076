import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { padIds } from "./sentimentData";
import {
  createSentimentModel,
  disposeSentimentModel,
  lookUp,
  modelVariables,
  type SentimentModel,
  sentimentLogits,
  tokenMask,
} from "./sentimentModel";
import { type SentimentTask, sentimentTask } from "./sentimentTask";
import { shippedCorpusText } from "./testing/shippedCorpus";
import { sentimentAccuracy, TEXT_RECIPE, trainSentimentModel } from "./trainSentiment";
import { WORD_GROUPS } from "./wordGroups";
import { bestSwapRank, WORD_SWAP_SEARCH, wordSwapAttack } from "./wordSwap";

let task: SentimentTask;
let model: SentimentModel;
/** Held-out sentences attacked by these tests (seeded split, seeded model). */
const ATTACKED = 80;

beforeAll(async () => {
  task = sentimentTask(shippedCorpusText());
  model = createSentimentModel(task.shape, TEXT_RECIPE.modelSeed);
  await trainSentimentModel(model, task.train, TEXT_RECIPE);
}, 120_000);
afterAll(() => disposeSentimentModel(model));

const attack = (ids: Int32Array, maxSwaps: number) =>
  wordSwapAttack(model, task.table, ids, { maxSwaps, ...WORD_SWAP_SEARCH });

describe("the sentiment classifier", () => {
  it("reads at least 75% of the 300 held-out sentences correctly after the page's recipe", async () => {
    expect(await sentimentAccuracy(model, task.test)).toBeGreaterThanOrEqual(0.75);
  });

  it("trains to the same weights from the same seed", async () => {
    const subset = { ids: task.train.ids.slice(0, 200), labels: task.train.labels.slice(0, 200) };
    const run = async () => {
      const m = createSentimentModel(task.shape, 5);
      await trainSentimentModel(m, subset, { ...TEXT_RECIPE, epochs: 1, seed: 5 });
      const values = await Promise.all(modelVariables(m).map((v) => v.data()));
      disposeSentimentModel(m);
      return values.map((v) => Array.from(v));
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    const other = createSentimentModel(task.shape, 6);
    expect(Array.from(await other.w1.data())).not.toEqual(a[1]);
    disposeSentimentModel(other);
  });

  it("has the input gradient the finite differences measure", async () => {
    const ids = padIds([task.test.ids[0]]);
    const x = lookUp(model, ids);
    const mask = tokenMask(ids);
    const loss = (e: tf.Tensor) =>
      tf.sum(tf.logSoftmax(sentimentLogits(model, e as tf.Tensor3D, mask)).slice([0, 1], [1, 1]));
    const g = (await tf.grad(loss)(x).data()) as Float32Array;
    const base = (await loss(x).data())[0];
    const h = 1e-2;
    for (const coord of [0, 5, 17, 33]) {
      const bump = tf.tidy(() => tf.add(x, tf.oneHot([coord], x.size).reshape(x.shape).mul(h)));
      const moved = (await loss(bump).data())[0];
      expect((moved - base) / h).toBeCloseTo(g[coord], 2);
      bump.dispose();
    }
    tf.dispose([ids, x, mask]);
  });
});

describe("the HotFlip-style word-swap attack", () => {
  it("changes at most k words, each only for a word of its own group, and reports each swap", async () => {
    const groupOf = new Map(
      Object.entries(WORD_GROUPS).flatMap(([g, words]) => words.map((w) => [w, g])),
    );
    for (let i = 0; i < 30; i++) {
      const ids = task.test.ids[i];
      for (const k of [1, 2]) {
        const r = await attack(ids, k);
        const changed = [...ids.keys()].filter((p) => ids[p] !== r.ids[p]);
        expect(changed.length).toBeLessThanOrEqual(k);
        expect(changed).toEqual(r.swaps.map((s) => s.position).sort((a, b) => a - b));
        for (const s of r.swaps) {
          const [from, to] = [task.vocab.words[s.from], task.vocab.words[s.to]];
          expect(groupOf.get(from)).toBeDefined();
          expect(groupOf.get(to)).toBe(groupOf.get(from));
        }
        expect(r.flipped).toBe(r.after[r.label] < 0.5);
        expect(r.before[0] + r.before[1]).toBeCloseTo(1, 5);
      }
    }
  });

  it("returns the sentence itself with no swaps allowed, and rejects a bad k", async () => {
    const ids = task.test.ids[3];
    const r = await attack(ids, 0);
    expect(Array.from(r.ids)).toEqual(Array.from(ids));
    expect(r.swaps).toEqual([]);
    expect(r.after).toEqual(r.before);
    await expect(attack(ids, -1)).rejects.toThrow(RangeError);
    await expect(attack(ids, 1.5)).rejects.toThrow(RangeError);
  });

  it("flips at least 15% of the correctly read held-out sentences with two swaps, more with more", async () => {
    const flipped = [0, 0, 0];
    let attacked = 0;
    for (let i = 0; i < ATTACKED; i++) {
      const r = await attack(task.test.ids[i], 3);
      if (r.label !== task.test.labels[i]) continue;
      attacked++;
      if (r.flipped) for (let k = r.swaps.length; k <= 3; k++) flipped[k - 1]++;
    }
    const rates = flipped.map((f) => f / attacked);
    console.info(`flip rates at k = 1, 2, 3 over ${attacked} sentences:`, rates);
    expect(rates[1]).toBeGreaterThanOrEqual(0.15);
    expect(rates[0]).toBeLessThanOrEqual(rates[1]);
    expect(rates[1]).toBeLessThanOrEqual(rates[2]);
  });

  it("ranks the really best single swap among its top 3 estimates on at least 80% of sentences", async () => {
    let ranked = 0;
    let top3 = 0;
    for (let i = 0; i < 40; i++) {
      const rank = await bestSwapRank(model, task.table, task.test.ids[i]);
      if (rank === null) continue;
      ranked++;
      if (rank < 3) top3++;
    }
    console.info(`best single swap in the estimate's top 3: ${top3} of ${ranked}`);
    expect(ranked).toBeGreaterThan(30);
    expect(top3 / ranked).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps the tensor count flat", async () => {
    const before = tf.memory().numTensors;
    await attack(task.test.ids[1], 3);
    await bestSwapRank(model, task.table, task.test.ids[1]);
    await sentimentAccuracy(model, task.test);
    expect(tf.memory().numTensors).toBe(before);
  });
});
