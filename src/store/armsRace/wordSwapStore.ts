import type { StoreApi } from "zustand";
import { createStore } from "zustand/vanilla";
import { ifValid, oneOf } from "../../engine/validate";
import type {
  FlipRateView,
  TextModelInfo,
  TextTrainProgress,
  WordSwapView,
} from "../../workers/digits/wordSwapApi";
import { type BatchRun, batchRunner } from "../batchRun";
import type { DigitsStore } from "../digits/digitsStore";

/** The k the reader may choose: at most this many words change. */
export const SWAP_CHOICES = [1, 2, 3] as const;
/** The longest sentence the box takes, in characters. */
export const SENTENCE_MAX_LENGTH = 300;
/** Held-out sentences the flip rate is measured on (all of them). */
const FLIP_RATE_SENTENCES = 300;

export interface WordSwapState {
  seed: number;
  /** The classifier's training run (test accuracy per epoch), then what it learned. */
  training: BatchRun<TextTrainProgress[]> | null;
  model: TextModelInfo | null;
  sentence: string;
  /** True once the reader typed or picked a sentence (the page stops choosing one for them). */
  sentenceChosen: boolean;
  maxSwaps: number;
  attack: BatchRun<WordSwapView> | null;
  flipRate: BatchRun<FlipRateView> | null;
}

export interface WordSwapActions {
  /** Trains the classifier the first time the section is reached. */
  start(): void;
  /** Trains a fresh classifier from the next seed; attacks run on it afterwards. */
  retrain(): void;
  setSentence(sentence: string): void;
  setMaxSwaps(k: number): void;
  attack(): void;
  measureFlipRate(): void;
  cancelFlipRate(): void;
}

export type WordSwapStore = WordSwapState & { actions: WordSwapActions };

export const initialWordSwapState = (): WordSwapState => ({
  seed: 1,
  training: null,
  model: null,
  sentence: "",
  sentenceChosen: false,
  maxSwaps: 2,
  attack: null,
  flipRate: null,
});

/**
 * The language-model stop of chapter 8: a sentiment classifier trained in the digits worker,
 * a word-swap attack on the reader's sentence, and the flip rate over held-out sentences.
 */
export function createWordSwapStore(digitsStore: StoreApi<DigitsStore>, url: string) {
  const compute = digitsStore.getState().actions.compute;
  let started = false;
  return createStore<WordSwapStore>()((set, get) => {
    const trainer = batchRunner<TextTrainProgress[]>((training) => set({ training }));
    const attacker = batchRunner<WordSwapView>((attack) => set({ attack }));
    const rater = batchRunner<FlipRateView>((flipRate) => set({ flipRate }));

    /** The first held-out example that flips with at most two swaps, once the rate is known. */
    const offerFlippingExample = () => {
      const { model, flipRate, sentenceChosen } = get();
      if (!model || sentenceChosen || !flipRate?.result) return;
      const i = flipRate.result.outcomes.findIndex(
        (o, i) => o !== null && o > 0 && o <= 2 && i < model.examples.length,
      );
      if (i < 0) return;
      set({ sentence: model.examples[i].text });
      actions.attack();
    };

    async function train(): Promise<void> {
      const seed = get().seed;
      rater.cancel();
      attacker.cancel();
      set({ model: null, attack: null, flipRate: null });
      const epochs: TextTrainProgress[] = [];
      let model: TextModelInfo | null = null;
      await trainer.run(0, async (signal, report) => {
        model = await compute(
          "textTrain",
          { url, seed },
          {
            priority: "batch",
            signal,
            onProgress: (p) => {
              epochs.push(p);
              report({ done: p.epoch, total: p.epochs, partial: [...epochs] });
            },
          },
        );
        return epochs;
      });
      if (!model || get().seed !== seed) return;
      const info: TextModelInfo = model;
      set({ model: info, sentence: get().sentenceChosen ? get().sentence : info.examples[0].text });
      actions.attack();
      await runFlipRate();
      offerFlippingExample();
    }

    const runFlipRate = () =>
      rater.run(FLIP_RATE_SENTENCES, (signal, report) =>
        compute(
          "textFlipRate",
          { count: FLIP_RATE_SENTENCES },
          {
            priority: "batch",
            signal,
            onProgress: (p) => report({ done: p.done, total: p.total, partial: p.rate }),
          },
        ),
      );

    const actions: WordSwapActions = {
      start() {
        if (started) return;
        started = true;
        void train();
      },
      retrain() {
        set({ seed: get().seed + 1 });
        void train();
      },
      setSentence(sentence) {
        if (typeof sentence !== "string") return;
        set({ sentence: sentence.slice(0, SENTENCE_MAX_LENGTH), sentenceChosen: true });
      },
      setMaxSwaps: (choice) =>
        ifValid(oneOf(choice, SWAP_CHOICES), (maxSwaps) => set({ maxSwaps })),
      attack() {
        const { sentence, maxSwaps, model } = get();
        if (!model) return;
        void attacker.run(1, (signal) =>
          compute("textAttack", { sentence, maxSwaps }, { priority: "interactive", signal }),
        );
      },
      measureFlipRate: () => void runFlipRate(),
      cancelFlipRate: () => rater.cancel(),
    };
    return { ...initialWordSwapState(), actions };
  });
}
