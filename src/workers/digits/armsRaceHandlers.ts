import * as tf from "@tensorflow/tfjs-core";
import { epsilonFromLevels } from "../../engine/attacks/params";
import { pgdL2 } from "../../engine/attacks/pgdL2";
import { addHits, type DefenceHits, defenceHits } from "../../engine/defences/measureDefence";
import { makeBatch } from "../../engine/digits/batches";
import { digitLogits } from "../../engine/digits/digitModels";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { quantize8bit } from "../../engine/pixels";
import { largestCertifiableRadius } from "../../engine/smoothing/bounds";
import { type Certificate, certify } from "../../engine/smoothing/certify";
import { SMOOTHING_RECIPES, type SmoothingKind } from "../../engine/smoothing/recipes";
import { smoothedLogits } from "../../engine/smoothing/smoothedLogits";
import { fetchSmoothingModel } from "../../engine/smoothing/weights";
import type { LogitsFn } from "../../engine/types";
import type { Handlers, Job } from "../rpc/serve";
import type { DigitChoice } from "./api";
import type {
  ArmsRaceApi,
  CertificateView,
  CertifyArgs,
  CurveEntry,
  SampleProgress,
} from "./armsRaceApi";
import { range, wrap } from "./indices";

/** What chapter 8 borrows from the digits worker: the digits and chapter 2's CNN. */
export interface ArmsRaceNeeds {
  split(): DigitSplit;
  cnn(): LogitsFn;
  fetchFn?: typeof fetch;
}

/** Test digits per chunk of the defence table (a checkpoint after each attack on one). */
const DEFENCE_CHUNK = 50;
/** Noisy copies per forward pass of CERTIFY. */
const CERTIFY_BATCH = 500;

export function createArmsRaceHandlers(needs: ArmsRaceNeeds): Handlers<ArmsRaceApi> {
  const bases = new Map<SmoothingKind, Promise<LogitsFn>>();
  /** The noise-trained base classifier of `kind`, fetched once. */
  const base = (kind: SmoothingKind, url: string): Promise<LogitsFn> => {
    let loading = bases.get(kind);
    if (!loading) {
      loading = fetchSmoothingModel(kind, url, needs.fetchFn).then((m) => digitLogits(m.model));
      loading.catch(() => bases.delete(kind));
      bases.set(kind, loading);
    }
    return loading;
  };

  /** The input [1, 28, 28, 1] and its label (null for a drawing). */
  const sourceOf = (source: DigitChoice): { x: tf.Tensor4D; label: number | null } => {
    if ("drawn" in source) return { x: tf.tensor4d(source.drawn, [1, 28, 28, 1]), label: null };
    const test = needs.split().test;
    const i = wrap(source.test, test.count);
    const { x, y } = makeBatch(test, [i]);
    y.dispose();
    return { x, label: test.labels[i] };
  };

  /** CERTIFY on x with progress in samples, offset by `before` of `total`. */
  const certifyWith = async (
    f: LogitsFn,
    x: tf.Tensor,
    a: CertifyArgs,
    job: Job<SampleProgress>,
    progress: { before: number; total: number },
  ): Promise<Certificate> => {
    const sigma = SMOOTHING_RECIPES[a.kind].sigma;
    const settings = { sigma, n0: a.n0, n: a.n, alpha: a.alpha, seed: a.seed };
    return certify(f, x, { ...settings, batchSize: CERTIFY_BATCH }, async (drawn) => {
      job.progress({ done: progress.before + drawn, total: progress.total });
      await job.checkpoint();
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
      const test = needs.split().test;
      const total = Math.min(count, test.count);
      const settings = { levels, eps: epsilonFromLevels(epsLevel), steps, seed };
      let hits: DefenceHits | null = null;
      for (let start = 0; start < total; start += DEFENCE_CHUNK) {
        const { x, y } = makeBatch(test, range(start, Math.min(DEFENCE_CHUNK, total - start)));
        try {
          const chunk = await defenceHits(needs.cnn(), x, y, { ...settings, seed: seed + start });
          hits = hits ? addHits(hits, chunk) : chunk;
        } finally {
          tf.dispose([x, y]);
        }
        job.progress({ done: hits.count, total, hits });
        await job.checkpoint();
      }
      if (!hits) throw new RangeError(`Count the digits from 1, got ${count}.`);
      return hits;
    },

    async certify(args, job) {
      const f = await base(args.kind, args.url);
      const { x, label } = sourceOf(args.source);
      try {
        const total = args.n0 + args.n;
        const c = await certifyWith(f, x, args, job, { before: 0, total });
        return await view(c, x, label, args);
      } finally {
        x.dispose();
      }
    },

    async smoothAttack(args, job) {
      const f = await base(args.kind, args.url);
      const { x, label } = sourceOf(args.source);
      const sigma = SMOOTHING_RECIPES[args.kind].sigma;
      const total = 2 * (args.n0 + args.n);
      try {
        // The clean digit's top class is the one the attack pushes away from.
        const clean = await certifyWith(f, x, args, job, { before: 0, total });
        const soft = smoothedLogits(f, sigma, args.samples, args.seed + 17);
        const adv = tf.tidy(() =>
          quantize8bit(pgdL2(soft, x, [clean.top], { radius: args.radius, steps: args.steps })),
        );
        try {
          const distance = tf.tidy(() => tf.norm(tf.sub(adv, x)).dataSync()[0]);
          const baseClass = tf.tidy(() => tf.argMax(f(adv), 1).dataSync()[0]);
          const after = await certifyWith(f, adv, args, job, { before: total / 2, total });
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
      const f = await base(args.kind, args.url);
      const test = needs.split().test;
      const count = Math.min(args.count, test.count);
      const perDigit = args.n0 + args.n;
      const total = count * perDigit;
      const entries: CurveEntry[] = [];
      for (let i = 0; i < count; i++) {
        const { x } = sourceOf({ test: i });
        try {
          const c = await certifyWith(f, x, { ...args, seed: args.seed + i }, job, {
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

    async smoothTimings({ kind, url, batch, runs }) {
      const f = await base(kind, url);
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
