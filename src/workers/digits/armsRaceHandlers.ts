import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { throwIfAborted } from "../../engine/abort";
import { epsilonFromLevels } from "../../engine/attacks/params";
import { pgdL2 } from "../../engine/attacks/pgdL2";
import { withConvGradients } from "../../engine/backend";
import { addHits, type DefenceHits, defenceHits } from "../../engine/defences/measureDefence";
import { makeBatch } from "../../engine/digits/batches";
import { buildDigitModel, digitLogits } from "../../engine/digits/digitModels";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { pickDigits } from "../../engine/digits/mnistFormat";
import { quantize8bit } from "../../engine/pixels";
import { streamSeed } from "../../engine/random";
import { largestCertifiableRadius } from "../../engine/smoothing/bounds";
import { type Certificate, certify } from "../../engine/smoothing/certify";
import { accuracyUnderNoise, trainNoisyModel } from "../../engine/smoothing/noisyTraining";
import { SMOOTHING_RECIPES, type SmoothingKind } from "../../engine/smoothing/recipes";
import { smoothedLogits } from "../../engine/smoothing/smoothedLogits";
import { fetchSmoothingModel } from "../../engine/smoothing/weights";
import type { LogitsFn } from "../../engine/types";
import { holding, MODEL_CHANGED, ModelSlot } from "../rpc/modelSlot";
import { PauseGate } from "../rpc/pauseGate";
import type { Handlers, Job } from "../rpc/serve";
import type { DigitChoice } from "./api";
import type {
  ArmsRaceApi,
  CertificateView,
  CertifyArgs,
  CurveEntry,
  SampleProgress,
} from "./armsRaceApi";
import type { DigitModel } from "./digitModel";
import { range, wrap } from "./indices";

/** What chapter 8 borrows from the digits worker: the digits and chapter 2's CNN. */
export interface ArmsRaceNeeds {
  split(): DigitSplit;
  model(kind: "cnn"): ModelSlot<DigitModel>;
  fetchFn?: typeof fetch;
}

/** Test digits per chunk of the defence table (a checkpoint after each attack on one). */
const DEFENCE_CHUNK = 50;
/** Noisy copies per forward pass of CERTIFY. */
const CERTIFY_BATCH = 500;

/** A base classifier in use, and the signal that stops jobs on it when it is swapped out. */
interface Base {
  model: tfl.Sequential;
  f: LogitsFn;
  swapped: AbortSignal;
}

export function createArmsRaceHandlers(needs: ArmsRaceNeeds): Handlers<ArmsRaceApi> {
  const bases = new Map<SmoothingKind, ModelSlot<Base>>();
  const slotOf = (kind: SmoothingKind): ModelSlot<Base> => {
    let slot = bases.get(kind);
    if (!slot) {
      slot = new ModelSlot<Base>(`The ${kind} base classifier`, (old) => old.model.dispose());
      bases.set(kind, slot);
    }
    return slot;
  };
  /** First downloads of the shipped weights, while they are on the way. */
  const pending = new Map<SmoothingKind, Promise<Base>>();
  const pause = new PauseGate();
  /** Puts `model` in use as `kind`'s base classifier; jobs on the one before stop first. */
  const adopt = (kind: SmoothingKind, model: tfl.Sequential): Base => {
    const base = { model, f: digitLogits(model), swapped: new AbortController().signal };
    base.swapped = slotOf(kind).adopt(base);
    return base;
  };
  const loadShipped = async (kind: SmoothingKind, url: string) =>
    adopt(kind, (await fetchSmoothingModel(kind, url, needs.fetchFn)).model);
  /** The base classifier of `kind` in use, the shipped one fetched the first time. */
  const base = (kind: SmoothingKind, url: string): Promise<Base> => {
    const slot = slotOf(kind);
    if (slot.has()) return Promise.resolve(slot.get());
    let loading = pending.get(kind);
    if (!loading) {
      loading = loadShipped(kind, url).finally(() => pending.delete(kind));
      pending.set(kind, loading);
    }
    return loading;
  };
  const noisyAccuracy = (kind: SmoothingKind, f: LogitsFn) =>
    accuracyUnderNoise(f, needs.split().test, SMOOTHING_RECIPES[kind].sigma, 1);

  /** The input [1, 28, 28, 1] and its label (null for a drawing). */
  const sourceOf = (source: DigitChoice): { x: tf.Tensor4D; label: number | null } => {
    if ("drawn" in source) return { x: tf.tensor4d(source.drawn, [1, 28, 28, 1]), label: null };
    const test = needs.split().test;
    const i = wrap(source.test, test.count);
    const { x, y } = makeBatch(test, [i]);
    y.dispose();
    return { x, label: test.labels[i] };
  };

  /**
   * CERTIFY on x with progress in samples, offset by `before` of `total`; stops (AbortError)
   * if the base classifier is swapped out meanwhile.
   */
  const certifyWith = async (
    b: Base,
    x: tf.Tensor,
    a: CertifyArgs,
    job: Job<SampleProgress>,
    progress: { before: number; total: number },
  ): Promise<Certificate> => {
    const sigma = SMOOTHING_RECIPES[a.kind].sigma;
    const settings = { sigma, n0: a.n0, n: a.n, alpha: a.alpha, seed: a.seed };
    return certify(b.f, x, { ...settings, batchSize: CERTIFY_BATCH }, async (drawn) => {
      job.progress({ done: progress.before + drawn, total: progress.total });
      await job.checkpoint();
      throwIfAborted(b.swapped, MODEL_CHANGED);
    });
  };

  const view = async (
    c: Certificate,
    x: tf.Tensor,
    label: number | null,
    { kind, alpha }: CertifyArgs,
  ): Promise<CertificateView> => ({
    sigma: SMOOTHING_RECIPES[kind].sigma,
    alpha,
    label,
    input: (await x.data()) as Float32Array,
    prediction: c.prediction,
    top: c.top,
    pA: c.pA,
    radius: c.radius,
    votes: c.estimation,
  });

  return {
    async defenceTable({ levels, epsLevel, steps, count, seed }, job) {
      const cnn = needs.model("cnn");
      const between = holding(job, cnn); // a retrained CNN stops the table
      const test = needs.split().test;
      const total = Math.min(count, test.count);
      const settings = { levels, eps: epsilonFromLevels(epsLevel), steps, seed };
      let hits: DefenceHits | null = null;
      for (let start = 0; start < total; start += DEFENCE_CHUNK) {
        const { x, y } = makeBatch(test, range(start, Math.min(DEFENCE_CHUNK, total - start)));
        try {
          const f = cnn.get().logits;
          const chunk = await defenceHits(f, x, y, { ...settings, seed: seed + start });
          hits = hits ? addHits(hits, chunk) : chunk;
        } finally {
          tf.dispose([x, y]);
        }
        job.progress({ done: hits.count, total, hits });
        await between();
      }
      if (!hits) throw new RangeError(`Count the digits from 1, got ${count}.`);
      return hits;
    },

    async certify(args, job) {
      const b = await base(args.kind, args.url);
      const { x, label } = sourceOf(args.source);
      try {
        const total = args.n0 + args.n;
        const c = await certifyWith(b, x, args, job, { before: 0, total });
        return await view(c, x, label, args);
      } finally {
        x.dispose();
      }
    },

    async smoothAttack(args, job) {
      const b = await base(args.kind, args.url);
      const { x, label } = sourceOf(args.source);
      const sigma = SMOOTHING_RECIPES[args.kind].sigma;
      const total = 2 * (args.n0 + args.n);
      try {
        // The clean digit's top class is the one the attack pushes away from.
        const clean = await certifyWith(b, x, args, job, { before: 0, total });
        const soft = smoothedLogits(b.f, sigma, args.samples, args.seed + 17);
        const adv = tf.tidy(() =>
          quantize8bit(pgdL2(soft, x, [clean.top], { radius: args.radius, steps: args.steps })),
        );
        try {
          const distance = tf.tidy(() => tf.norm(tf.sub(adv, x)).dataSync()[0]);
          const baseClass = tf.tidy(() => tf.argMax(b.f(adv), 1).dataSync()[0]);
          const after = await certifyWith(b, adv, args, job, { before: total / 2, total });
          return {
            adversarial: (await adv.data()) as Float32Array,
            distance,
            baseClass,
            certificate: await view(after, adv, label, args),
          };
        } finally {
          adv.dispose();
        }
      } finally {
        x.dispose();
      }
    },

    async certifyCurve(args, job) {
      const b = await base(args.kind, args.url);
      const test = needs.split().test;
      const count = Math.min(args.count, test.count);
      const perDigit = args.n0 + args.n;
      const total = count * perDigit;
      const entries: CurveEntry[] = [];
      for (let i = 0; i < count; i++) {
        const { x } = sourceOf({ test: i });
        try {
          // Each digit its own noise stream (a digit's batches then have their own in turn).
          const seed = streamSeed(args.seed, i);
          const c = await certifyWith(b, x, { ...args, seed }, job, {
            before: i * perDigit,
            total,
          });
          entries.push({ label: test.labels[i], prediction: c.prediction, radius: c.radius });
        } finally {
          x.dispose();
        }
        job.progress({ done: (i + 1) * perDigit, total, entries: [...entries] });
      }
      return entries;
    },

    async radiusBound({ alpha, sigmas, ns }) {
      return sigmas.map((sigma) => ns.map((n) => largestCertifiableRadius(n, alpha, sigma) ?? 0));
    },

    async smoothTrain({ kind, url, epochs, trainDigits }, job) {
      await base(kind, url); // the shipped one stays in use until the new one is trained
      const recipe = { ...SMOOTHING_RECIPES[kind], epochs };
      const all = needs.split().train;
      const train =
        trainDigits === undefined
          ? all
          : pickDigits(all, range(0, Math.min(trainDigits, all.count)));
      const total = epochs * Math.ceil(train.count / recipe.batchSize);
      const model = buildDigitModel("cnn", recipe.seed);
      let step = 0;
      pause.set(false);
      try {
        // wasm (this worker's choice without a graphics card) cannot train convolutions.
        await withConvGradients(() =>
          trainNoisyModel(model, train, recipe, {
            signal: job.signal,
            onBatch: async ({ loss }) => {
              job.progress({ kind: "batch", step: ++step, total, loss });
              await job.checkpoint();
              await pause.wait(job.signal, "Training aborted");
            },
            onEpoch: async (epoch) => {
              const noisy = await noisyAccuracy(kind, digitLogits(model));
              job.progress({ kind: "epoch", epoch, noisyAccuracy: noisy });
            },
          }),
        );
      } catch (error) {
        model.dispose();
        throw error;
      }
      return { noisyAccuracy: await noisyAccuracy(kind, adopt(kind, model).f) };
    },

    async smoothTrainControl({ paused }) {
      pause.set(paused);
      return null;
    },

    async smoothRestore({ kind, url }) {
      return { noisyAccuracy: await noisyAccuracy(kind, (await loadShipped(kind, url)).f) };
    },

    async smoothTimings({ kind, url, batch, runs }) {
      const { f } = await base(kind, url);
      const time = async (size: number) => {
        const x = tf.randomNormal([size, 28, 28, 1], 0.5, 0.25, "float32", 3);
        const t0 = performance.now();
        const out = tf.tidy(() => tf.argMax(f(x), 1));
        await out.data();
        const ms = performance.now() - t0;
        tf.dispose([x, out]);
        return ms;
      };
      await time(batch); // warm-up
      const batched: number[] = [];
      const single: number[] = [];
      for (let r = 0; r < runs; r++) {
        batched.push(await time(batch));
        single.push(await time(1));
      }
      return { batched, single };
    },
  };
}
