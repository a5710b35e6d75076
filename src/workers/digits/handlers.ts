import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { BackendPreference, BackendStatus } from "../../engine/backend";
import { withConvGradients } from "../../engine/backend";
import { makeBatch } from "../../engine/digits/batches";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import { buildDigitModel, digitLogits } from "../../engine/digits/digitModels";
import { fetchShippedModel } from "../../engine/digits/digitWeights";
import { accuracy } from "../../engine/digits/evaluate";
import { fgsmCleanStages, fgsmEpsStages } from "../../engine/digits/fgsmStages";
import { type DigitSplit, digitImages, loadDigitSplit } from "../../engine/digits/mnistData";
import { type DigitSet, pickDigits } from "../../engine/digits/mnistFormat";
import { RECIPES } from "../../engine/digits/recipes";
import { fgsmRobustnessCurve } from "../../engine/digits/robustnessCurve";
import { trainDigitModel } from "../../engine/digits/train";
import { transferMatrix } from "../../engine/digits/transferMatrix";
import {
  adversarialSamples,
  classWeightImages,
  signAgreement,
  signOfDifference,
  targetedStepSign,
} from "../../engine/digits/weightSigns";
import { ModelSlot } from "../rpc/modelSlot";
import type { Handlers } from "../rpc/serve";
import type { DigitChoice, DigitsApi } from "./api";
import { createArmsRaceHandlers } from "./armsRaceHandlers";
import type { DigitModel } from "./digitModel";
import { range, wrap } from "./indices";
import { createVaeHandlers } from "./vaeHandlers";
import { createWordSwapHandlers } from "./wordSwapHandlers";
import { createZooHandlers } from "./zooHandlers";

/** The digits and models, owned by the worker. */
interface DigitContext {
  split: DigitSplit;
  models: Record<DigitModelKind, ModelSlot<DigitModel>>;
  /** Bumped by every swap of weights. */
  version: number;
}

const digitModelSlot = (kind: DigitModelKind) =>
  new ModelSlot<DigitModel>(`The ${kind} digit model`, ({ model }) => model.dispose());

export interface DigitsSources {
  startBackend(preferred: BackendPreference, wasmPath: string): Promise<BackendStatus>;
  fetchFn?: typeof fetch;
}

/** Test digit i as 784 values in [0,1]. */
function testDigit(set: DigitSet, i: number): Float32Array {
  const size = set.rows * set.cols;
  return Float32Array.from(set.pixels.subarray(i * size, (i + 1) * size), (b) => b / 255);
}

/** The first test digit of each class: the samples shown at every eps. */
const firstOfEachClass = (test: DigitSet) =>
  Array.from({ length: 10 }, (_, k) => test.labels.indexOf(k));

/** Every tfjs call on digits (chapters 2-4, 7, 8 and the zoo), as the digits worker's handlers (tests call them in-process). */
export function createDigitsHandlers(sources: DigitsSources): Handlers<DigitsApi> {
  let ctx: DigitContext | null = null;
  let weightsUrl = "";
  const need = (): DigitContext => {
    if (!ctx) throw new Error("The digits are not loaded yet.");
    return ctx;
  };

  /** Swaps `model` in for `kind`, disposing the old one; returns its test accuracy. */
  async function adopt(kind: DigitModelKind, model: tfl.LayersModel) {
    const c = need();
    const logits = digitLogits(model);
    c.models[kind].adopt({ model, logits });
    c.version++;
    return { accuracy: await accuracy(logits, c.split.test), version: c.version };
  }

  /** What chapters 7 and 8 and the zoo borrow: the digits and the digit models' slots. */
  const borrowed = {
    split: () => need().split,
    model: (kind: DigitModelKind) => need().models[kind],
    fetchFn: sources.fetchFn,
  };

  return {
    ...createVaeHandlers(borrowed),
    ...createArmsRaceHandlers(borrowed),
    ...createWordSwapHandlers(sources),
    ...createZooHandlers(borrowed),

    async load(args) {
      if (ctx) throw new Error("The digits are already loaded.");
      const backend = await sources.startBackend(args.backend, args.wasmPath);
      weightsUrl = args.weightsUrl;
      const [split, ...shipped] = await Promise.all([
        loadDigitSplit(args.digits, sources.fetchFn),
        ...DIGIT_MODEL_KINDS.map((kind) => fetchShippedModel(kind, weightsUrl, sources.fetchFn)),
      ]);
      const models = {} as DigitContext["models"];
      for (const [i, kind] of DIGIT_MODEL_KINDS.entries()) {
        models[kind] = digitModelSlot(kind);
        models[kind].adopt({ model: shipped[i].model, logits: digitLogits(shipped[i].model) });
      }
      ctx = { split, models, version: 1 };
      const acc = {} as Record<DigitModelKind, number>;
      for (const kind of DIGIT_MODEL_KINDS)
        acc[kind] = await accuracy(models[kind].get().logits, split.test);
      return {
        backend,
        trainCount: split.train.count,
        testCount: split.test.count,
        accuracy: acc,
        version: ctx.version,
      };
    },

    async digitSplit() {
      return need().split;
    },

    async weightsAndPair({ from, to }) {
      const c = need();
      const softmax = c.models.softmax.get();
      const weights = await classWeightImages(softmax.model);
      const index = c.split.test.labels.indexOf(from);
      const x = digitImages(c.split.test, index, index + 1);
      try {
        const stepSign = targetedStepSign(softmax.logits, x, to);
        const signDiff = signOfDifference(weights[to], weights[from]);
        const digit = (await x.data()) as Float32Array;
        const agreement = signAgreement(stepSign, signDiff);
        return { weights, pair: { from, to, digit, stepSign, signDiff, agreement } };
      } finally {
        x.dispose();
      }
    },

    async samples({ kind, epsLevel }) {
      const c = need();
      const indices = firstOfEachClass(c.split.test);
      const { x, y } = makeBatch(c.split.test, indices);
      try {
        const out = await adversarialSamples(c.models[kind].get().logits, x, y, epsLevel);
        return indices.map((i, k) => ({
          label: c.split.test.labels[i],
          pixels: out.pixels[k],
          predicted: out.predicted[k],
          confidence: out.confidence[k],
        }));
      } finally {
        tf.dispose([x, y]);
      }
    },

    async curveChunk({ kind, start, count, levels }, job) {
      const c = need();
      const digits = pickDigits(c.split.test, range(start, count));
      const points = await fgsmRobustnessCurve(c.models[kind].get().logits, digits, [...levels], {
        batchSize: count,
        signal: job.signal,
      });
      return { count: digits.count, points };
    },

    async cleanStages({ kind, digit, label, eps }) {
      const c = need();
      const test = c.split.test;
      const index = isTest(digit) ? wrap(digit.test, test.count) : -1;
      const x = isTest(digit) ? testDigit(test, index) : digit.drawn;
      const trueLabel = isTest(digit) ? test.labels[index] : null;
      const f = c.models[kind].get().logits;
      const clean = await fgsmCleanStages(f, x, trueLabel ?? label ?? undefined);
      const attack = await fgsmEpsStages(f, clean, eps);
      return { clean, attack, trueLabel, index, count: test.count, version: c.version };
    },

    async epsStages({ kind, clean, eps, version }) {
      const c = need();
      // New weights make this gradient stale; the refresh they trigger replaces it.
      return version === c.version ? fgsmEpsStages(c.models[kind].get().logits, clean, eps) : null;
    },

    async transferMatrix({ attack }, job) {
      const c = need();
      // A swap of weights mid-run stops it (the page recomputes the matrix for new weights).
      const slots = DIGIT_MODEL_KINDS.map((id) => c.models[id]);
      const signal = AbortSignal.any([job.signal, ...slots.map((slot) => slot.signal())]);
      const models = DIGIT_MODEL_KINDS.map((id) => ({ id, f: c.models[id].get().logits }));
      const out = await transferMatrix(models, c.split.test, attack, {
        // Small batches, a checkpoint after every pass over one: a slider call waits at most one
        // pass of 125 digits for its turn (bench/steps.bench.ts).
        batchSize: 125,
        signal,
        onProgress: async (done, total) => {
          job.progress({ kind: "batches", done, total });
          await job.checkpoint();
        },
        onRow: (source, row, clean) => job.progress({ kind: "row", source, row, clean }),
        between: () => job.checkpoint(),
      });
      return { error: out.error, clean: out.clean };
    },

    async retrain({ kind, epochs }, job) {
      const c = need();
      // wasm (this worker's choice without a graphics card) cannot train convolutions.
      const train = kind === "cnn" ? withConvGradients : (work: () => Promise<void>) => work();
      const model = buildDigitModel(kind, RECIPES[kind].seed);
      try {
        await train(() =>
          trainDigitModel(
            model,
            c.split.train,
            { ...RECIPES[kind], epochs },
            {
              signal: job.signal,
              onBatch: async ({ epoch, loss }) => {
                job.progress({ kind: "batch", epoch, loss });
                await job.checkpoint();
              },
              onEpoch: async (epoch) => {
                const acc = await accuracy(digitLogits(model), c.split.test);
                job.progress({ kind: "epoch", epoch, accuracy: acc });
              },
            },
          ),
        );
      } catch (error) {
        model.dispose();
        throw error;
      }
      return adopt(kind, model);
    },

    async restoreShipped({ kind }) {
      need();
      const { model } = await fetchShippedModel(kind, weightsUrl, sources.fetchFn);
      return adopt(kind, model);
    },

    async memory() {
      return { numTensors: tf.memory().numTensors };
    },
  };
}

const isTest = (digit: DigitChoice): digit is { test: number } => "test" in digit;
