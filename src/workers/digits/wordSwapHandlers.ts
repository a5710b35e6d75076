import * as tf from "@tensorflow/tfjs-core";
import { padIds } from "../../engine/text/sentimentData";
import {
  createSentimentModel,
  disposeSentimentModel,
  lookUp,
  type SentimentModel,
  sentimentLogits,
  tokenMask,
} from "../../engine/text/sentimentModel";
import { type SentimentTask, sentimentTask } from "../../engine/text/sentimentTask";
import { encode, isWord, MAX_TOKENS, tokenize, UNKNOWN } from "../../engine/text/tokens";
import {
  sentimentAccuracy,
  TEXT_RECIPE,
  trainSentimentModel,
} from "../../engine/text/trainSentiment";
import { bestSwapRank, WORD_SWAP_SEARCH, wordSwapAttack } from "../../engine/text/wordSwap";
import type { Handlers } from "../rpc/serve";
import type { FlipRateView, WordSwapApi, WordSwapView } from "./wordSwapApi";

/** Held-out sentences offered to pick from. */
const EXAMPLES = 40;

/** The language-model stop's jobs: a sentiment classifier trained here, and attacks on it. */
export function createWordSwapHandlers(needs: { fetchFn?: typeof fetch }): Handlers<WordSwapApi> {
  let task: Promise<SentimentTask> | null = null;
  let model: SentimentModel | null = null;
  const load = (url: string) => {
    task ??= (needs.fetchFn ?? fetch)(url)
      .then((r) => {
        if (!r.ok) throw new Error(`The sentence corpus could not be fetched (${r.status}).`);
        return r.text();
      })
      .then(sentimentTask)
      .catch((error) => {
        task = null;
        throw error;
      });
    return task;
  };
  const trained = async () => {
    if (!model || !task) throw new Error("The sentiment classifier is not trained yet.");
    return { m: model, t: await task };
  };
  const attack = async (ids: Int32Array, maxSwaps: number) => {
    const { m, t } = await trained();
    return wordSwapAttack(m, t.table, ids, { maxSwaps, ...WORD_SWAP_SEARCH });
  };

  return {
    async textTrain({ url, seed }, job) {
      const t = await load(url);
      const fresh = createSentimentModel(t.shape, seed);
      const { epochs } = TEXT_RECIPE;
      try {
        await trainSentimentModel(
          fresh,
          t.train,
          { ...TEXT_RECIPE, seed },
          {
            signal: job.signal,
            onBatch: () => job.checkpoint(),
            onEpoch: async (epoch, loss) =>
              job.progress({
                epoch,
                epochs,
                loss,
                testAccuracy: await sentimentAccuracy(fresh, t.test),
              }),
          },
        );
      } catch (error) {
        disposeSentimentModel(fresh);
        throw error;
      }
      if (model) disposeSentimentModel(model);
      model = fresh;
      return {
        trainCount: t.train.labels.length,
        testCount: t.test.labels.length,
        vocabSize: t.vocab.words.length,
        swappableWords: t.table.filter((c) => c.length > 0).length,
        testAccuracy: await sentimentAccuracy(model, t.test),
        trainAccuracy: await sentimentAccuracy(model, t.train),
        licence: t.licence,
        examples: t.testSentences.slice(0, EXAMPLES),
      };
    },

    async textAttack({ sentence, maxSwaps }) {
      const { t } = await trained();
      const all = tokenize(sentence);
      if (!all.some(isWord)) throw new RangeError("Type a sentence with at least one word.");
      const tokens = all.slice(0, MAX_TOKENS);
      const ids = encode(tokens, t.vocab);
      const r = await attack(ids, maxSwaps);
      const adversarial = [...tokens];
      for (const s of r.swaps) adversarial[s.position] = t.vocab.words[s.to];
      const view: WordSwapView = {
        tokens,
        truncated: all.length > tokens.length,
        unknown: [...new Set(tokens.filter((_, i) => ids[i] === UNKNOWN))],
        swappable: [...ids.keys()].filter((i) => t.table[ids[i]].length > 0),
        adversarial,
        swaps: r.swaps.map((s) => ({ ...s, from: t.vocab.words[s.from], to: t.vocab.words[s.to] })),
        label: r.label,
        before: r.before,
        after: r.after,
        flipped: r.flipped,
        forwardPasses: r.forwardPasses,
        backwardPasses: r.backwardPasses,
      };
      return view;
    },

    async textFlipRate({ count }, job) {
      const { m, t } = await trained();
      const total = Math.min(count, t.test.labels.length);
      const rate: FlipRateView = {
        attacked: 0,
        flipped: [0, 0, 0],
        ranked: 0,
        bestInTop3: 0,
        outcomes: [],
      };
      for (let i = 0; i < total; i++) {
        const r = await attack(t.test.ids[i], 3);
        const misread = r.label !== t.test.labels[i];
        rate.outcomes.push(misread ? null : r.flipped ? r.swaps.length : 0);
        if (!misread) {
          rate.attacked++;
          for (let k = Math.max(1, r.swaps.length); k <= 3 && r.flipped; k++) rate.flipped[k - 1]++;
          const rank = await bestSwapRank(m, t.table, t.test.ids[i]);
          if (rank !== null) {
            rate.ranked++;
            if (rank < 3) rate.bestInTop3++;
          }
        }
        job.progress({
          done: i + 1,
          total,
          rate: { ...rate, flipped: [...rate.flipped], outcomes: [...rate.outcomes] },
        });
        await job.checkpoint();
      }
      return rate;
    },

    async textTimings({ count }) {
      const { m, t } = await trained();
      const time = async (work: () => Promise<unknown>) => {
        const t0 = performance.now();
        await work();
        return performance.now() - t0;
      };
      const pass = (ids: Int32Array) => async () => {
        const batch = padIds([ids]);
        const g = tf.tidy(() =>
          tf.grad((x: tf.Tensor) => tf.sum(sentimentLogits(m, x as tf.Tensor3D, tokenMask(batch))))(
            lookUp(m, batch),
          ),
        );
        await g.data();
        tf.dispose([batch, g]);
      };
      const sentences = t.test.ids.slice(0, count);
      await pass(sentences[0])(); // warm-up
      const passes: number[] = [];
      const attacks: number[][] = [[], [], []];
      for (const ids of sentences) {
        passes.push(await time(pass(ids)));
        for (const k of [1, 2, 3]) attacks[k - 1].push(await time(() => attack(ids, k)));
      }
      return { pass: passes, attack: attacks };
    },
  };
}
