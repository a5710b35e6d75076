import * as tf from "@tensorflow/tfjs-core";
import { epsilonFromLevels } from "../../engine/attacks/params";
import { makeBatch } from "../../engine/digits/batches";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { pickDigits } from "../../engine/digits/mnistFormat";
import { objectiveGradient } from "../../engine/vae/latentAttack";
import {
  classCentroids,
  decodeGrid,
  encodeMeans,
  fitProjection,
  mapExtent,
  type Projection,
  project,
} from "../../engine/vae/latentMap";
import { attackPath, type LevelSums, measureLevel } from "../../engine/vae/measure";
import { VAE_RECIPES, type VaeKind } from "../../engine/vae/recipes";
import { assertVaeOptions, testElbo, trainVae } from "../../engine/vae/train";
import { createVae, disposeVae, reconstruct, type Vae } from "../../engine/vae/vae";
import { fetchShippedVae } from "../../engine/vae/weights";
import { holding, ModelSlot } from "../rpc/modelSlot";
import { PauseGate } from "../rpc/pauseGate";
import type { Handlers } from "../rpc/serve";
import type { DigitChoice } from "./api";
import type { DigitModel } from "./digitModel";
import { range, wrap } from "./indices";
import type { LatentMapView, LatentTarget, VaeApi } from "./vaeApi";

/** What chapter 7 borrows from the digits worker: the digits and the slot of chapter 2's CNN. */
export interface VaeNeeds {
  split(): DigitSplit;
  model(kind: "cnn"): ModelSlot<DigitModel>;
  fetchFn?: typeof fetch;
}

/** A loaded VAE and what its map is made of. */
interface LoadedVae {
  vae: Vae;
  /** Test digits' mean codes [count * latent]. */
  codes: Float32Array;
  projection: Projection;
  centroids: Float32Array;
  view: LatentMapView;
}

/** Digits of a set at `indices` as [N, 28, 28, 1] (labels dropped). */
function images(split: DigitSplit, indices: ArrayLike<number>): tf.Tensor4D {
  const { x, y } = makeBatch(split.test, indices);
  y.dispose();
  return x;
}

const TABLE_CHUNK = 50;

export function createVaeHandlers(needs: VaeNeeds): Handlers<VaeApi> {
  const slots = new Map<VaeKind, ModelSlot<LoadedVae>>();
  const slotOf = (kind: VaeKind): ModelSlot<LoadedVae> => {
    let slot = slots.get(kind);
    if (!slot) {
      slot = new ModelSlot<LoadedVae>(`The ${kind} VAE`, (old) => disposeVae(old.vae));
      slots.set(kind, slot);
    }
    return slot;
  };
  const need = (kind: VaeKind): LoadedVae => slotOf(kind).get();

  /** Puts `vae` in use for `kind` (freeing the one before) and maps the test digits with it. */
  async function adopt(kind: VaeKind, vae: Vae): Promise<LoadedVae> {
    const test = needs.split().test;
    const latent = vae.config.latent;
    const codes = await encodeMeans(vae, test);
    const projection = fitProjection(codes, latent);
    const centroids = classCentroids(codes, test.labels, latent);
    const points = project(projection, codes);
    const view: LatentMapView = {
      kind,
      latent,
      points,
      extent: mapExtent(points),
      labels: test.labels.slice(),
      projection,
      centroidPoints: project(projection, centroids),
      test: await testElbo(vae, test),
    };
    const l = { vae, codes, projection, centroids, view };
    slotOf(kind).adopt(l); // stops the jobs on the VAE before, then frees it
    return l;
  }

  const load = async (kind: VaeKind, url: string) =>
    adopt(kind, (await fetchShippedVae(kind, url, needs.fetchFn)).vae);
  const pause = new PauseGate();

  /** The input of a path: a test digit, or a drawing. */
  const sourceOf = (source: DigitChoice): { x: tf.Tensor4D; label: number | null } => {
    const test = needs.split().test;
    if ("drawn" in source) return { x: tf.tensor4d(source.drawn, [1, 28, 28, 1]), label: null };
    const i = wrap(source.test, test.count);
    return { x: images(needs.split(), [i]), label: test.labels[i] };
  };

  /** The target's code [1, latent] and its class. */
  const targetOf = (l: LoadedVae, target: LatentTarget) => {
    const latent = l.vae.config.latent;
    const test = needs.split().test;
    if ("class" in target) {
      const k = wrap(target.class, 10);
      return { code: l.centroids.slice(k * latent, (k + 1) * latent), cls: k };
    }
    const i = wrap(target.test, test.count);
    return { code: l.codes.slice(i * latent, (i + 1) * latent), cls: test.labels[i] };
  };

  const point = (p: Projection, code: Float32Array): [number, number] => {
    const [x, y] = project(p, code);
    return [x, y];
  };

  return {
    async vaeMap({ kind, url }) {
      const slot = slotOf(kind);
      return (slot.has() ? slot.get() : await load(kind, url)).view;
    },

    async vaeDigit({ kind, index: asked }) {
      const { vae } = need(kind);
      const index = wrap(asked, needs.split().test.count);
      const x = images(needs.split(), [index]);
      const r = reconstruct(vae, x);
      const [input, recon] = [(await x.data()) as Float32Array, (await r.data()) as Float32Array];
      tf.dispose([x, r]);
      return { input, recon, label: needs.split().test.labels[index] };
    },

    async vaeGrid({ kind, n }) {
      const l = need(kind);
      return decodeGrid(l.vae, l.projection, l.view.extent, n);
    },

    async vaePath({ kind, objective, steps, levels, source, target }, job) {
      const l = need(kind);
      const cnn = needs.model("cnn");
      const between = holding(job, slotOf(kind), cnn);
      const { x, label } = sourceOf(source);
      const goal = targetOf(l, target);
      const code = tf.tensor2d(goal.code, [1, l.vae.config.latent]);
      try {
        const path = await attackPath(
          l.vae,
          cnn.get().logits,
          x,
          code,
          levels.map(epsilonFromLevels),
          { objective, steps, seed: 1 },
          between,
        );
        return {
          sourceLabel: label,
          targetClass: goal.cls,
          targetPoint: point(l.projection, goal.code),
          points: path.map((p) => ({
            ...p,
            attackPoint: point(l.projection, p.attack.code),
            noisePoint: point(l.projection, p.noise.code),
          })),
        };
      } finally {
        tf.dispose([x, code]);
      }
    },

    async vaeTrain({ kind, beta, epochs, trainDigits }, job) {
      const recipe = VAE_RECIPES[kind];
      const options = { ...recipe.train, beta, epochs };
      assertVaeOptions(options);
      const all = needs.split().train;
      const train =
        trainDigits === undefined
          ? all
          : pickDigits(all, range(0, Math.min(trainDigits, all.count)));
      const vae = createVae(recipe.config, recipe.train.seed);
      const total = epochs * Math.ceil(train.count / options.batchSize);
      let step = 0;
      pause.set(false);
      try {
        await trainVae(vae, train, options, {
          signal: job.signal,
          onBatch: async ({ reconstruction, kl }) => {
            job.progress({ kind: "batch", step: ++step, total, reconstruction, kl });
            await job.checkpoint();
            await pause.wait(job.signal, "Training aborted");
          },
          onEpoch: async (epoch) => {
            const { negElbo } = await testElbo(vae, needs.split().test);
            job.progress({ kind: "epoch", epoch, negElbo });
          },
        });
      } catch (error) {
        disposeVae(vae);
        throw error;
      }
      return (await adopt(kind, vae)).view;
    },

    async vaeControl(args) {
      pause.set(args.paused);
      return null;
    },

    async vaeRestore({ kind, url }) {
      return (await load(kind, url)).view;
    },

    async vaeTimings({ kind, count, runs }) {
      const l = need(kind);
      const x = images(needs.split(), range(0, count));
      const target = tf.zeros([count, l.vae.config.latent]) as tf.Tensor2D;
      const grad = objectiveGradient(l.vae, target, "latent");
      const once = async () => {
        const g = grad(x);
        await g.data();
        g.dispose();
      };
      try {
        await once(); // warm-up
        const forwardBackward: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await once();
          forwardBackward.push(performance.now() - t0);
        }
        return { forwardBackward };
      } finally {
        tf.dispose([x, target]);
      }
    },

    async vaeTable({ kind, objective, steps, levels, count }, job) {
      const l = need(kind);
      const cnn = needs.model("cnn");
      // A new VAE or CNN (a retrain) stops the table before the old one is freed.
      const between = holding(job, slotOf(kind), cnn);
      const test = needs.split().test;
      const total = Math.min(count, test.count);
      const centroids = tf.tensor2d(l.centroids, [10, l.vae.config.latent]);
      const sums: LevelSums[] = levels.map(() => ({
        count: 0,
        attackMoved: 0,
        noiseMoved: 0,
        attackReconHits: 0,
        noiseReconHits: 0,
        cnnHits: 0,
      }));
      try {
        for (let start = 0; start < total; start += TABLE_CHUNK) {
          const indices = Array.from(
            { length: Math.min(TABLE_CHUNK, total - start) },
            (_, k) => start + k,
          );
          const x = images(needs.split(), indices);
          const targets = tf.tensor1d(
            indices.map((i) => (test.labels[i] + 1) % 10),
            "int32",
          );
          try {
            for (const [k, level] of levels.entries()) {
              const s = await measureLevel(
                l.vae,
                cnn.get().logits,
                x,
                targets,
                centroids,
                epsilonFromLevels(level),
                {
                  objective,
                  steps,
                  seed: start + 1,
                },
              );
              for (const key of Object.keys(s) as (keyof LevelSums)[]) sums[k][key] += s[key];
              await between();
            }
          } finally {
            tf.dispose([x, targets]);
          }
          job.progress({ done: start + indices.length, total, sums: sums.map((s) => ({ ...s })) });
        }
        return sums;
      } finally {
        centroids.dispose();
      }
    },
  };
}
