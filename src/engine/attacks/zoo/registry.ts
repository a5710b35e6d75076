import * as tf from "@tensorflow/tfjs-core";
import { quantize8bit } from "../../pixels";
import type { LogitsFn } from "../../types";
import { carliniWagnerL2 } from "../carliniWagner";
import { deepFool } from "../deepFool";
import { fgsm } from "../fgsm";
import { greedyPixels } from "../greedyPixels";
import { type IterationControl, runIterationsAsync } from "../iterate";
import { jsma } from "../jsma";
import { miFgsmIterations } from "../miFgsm";
import { pgdAsync } from "../pgd";
import { pgdL2Iterations } from "../pgdL2";
import { type TracePoint, traceRecorder } from "./trace";

export type ZooAttackId =
  | "fgsm"
  | "fgsmTargeted"
  | "pgd"
  | "miFgsm"
  | "pgdL2"
  | "deepFool"
  | "cw"
  | "jsma"
  | "greedyPixels";

/** What a zoo attack runs on: 28x28 digits or ImageNet photos (their defaults differ). */
export type ZooDomain = "digits" | "photo";

/** One editable setting of an attack, with its default and range. */
export interface ZooParam {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only (counts of steps, classes, pixels). */
  integer?: boolean;
}

export type ZooParams = Record<string, number>;

/** What an attack made of a batch: the examples (8-bit) and the gradients it took for them. */
export interface ZooRun {
  adversarial: tf.Tensor;
  backward: number;
}

/**
 * `runZooAttack`'s result: the run, the settings it ran with, the model's forward passes, and
 * the trace if asked for.
 */
export interface ZooResult extends ZooRun {
  params: ZooParams;
  forward: number;
  trace: TracePoint[];
}

export interface ZooAttack {
  id: ZooAttackId;
  name: string;
  /** The norm its budget or objective is stated in. */
  norm: "linf" | "l2" | "l0";
  /** Aims at `targets` instead of away from `labels`. */
  targeted: boolean;
  paper: string;
  /** Settings with the digits' defaults. */
  params: Record<string, ZooParam>;
  /** The defaults that differ on photos; null where the attack does not run on photos. */
  photo: ZooParams | null;
  /** Runs on a batch x [N, ...] in [0,1]; the caller disposes the result. */
  run(
    f: LogitsFn,
    x: tf.Tensor,
    labels: number[],
    targets: number[],
    p: ZooParams,
    control: IterationControl,
  ): Promise<ZooRun>;
}

const eps = (value: number): ZooParam => ({ label: "ε (L∞, in [0,1])", value, min: 0, max: 1 });
const steps = (value: number): ZooParam => ({
  label: "steps",
  value,
  min: 1,
  max: 1000,
  integer: true,
});
/** 2/255: on photos a change of two grey levels already fools most ImageNet models. */
const PHOTO_EPS = 2 / 255;

/** Runs one image at a time (for attacks defined per image) and stacks the results. */
async function perImage(
  x: tf.Tensor,
  count: number,
  one: (xi: tf.Tensor, i: number) => Promise<ZooRun>,
): Promise<ZooRun> {
  const parts: tf.Tensor[] = [];
  let backward = 0;
  try {
    for (let i = 0; i < count; i++) {
      const xi = tf.slice(x, i, 1);
      const r = await one(xi, i).finally(() => xi.dispose());
      parts.push(r.adversarial);
      backward += r.backward;
    }
    return { adversarial: tf.concat(parts), backward };
  } finally {
    tf.dispose(parts);
  }
}

/**
 * Every attack of the zoo behind one call. Defaults are the MNIST settings of the papers and of
 * the reference libraries (foolbox, torchattacks), except where a browser needs fewer steps
 * (said in each attack's own module); `photo` holds the ImageNet defaults that differ.
 */
export const ZOO: Record<ZooAttackId, ZooAttack> = {
  fgsm: {
    id: "fgsm",
    name: "FGSM",
    norm: "linf",
    targeted: false,
    paper: "https://arxiv.org/abs/1412.6572",
    params: { eps: eps(0.3) },
    photo: { eps: PHOTO_EPS },
    run: async (f, x, labels, _t, p) => ({
      adversarial: fgsm(f, x, labels, { eps: p.eps }),
      backward: 1,
    }),
  },
  fgsmTargeted: {
    id: "fgsmTargeted",
    name: "Targeted FGSM",
    norm: "linf",
    targeted: true,
    paper: "https://arxiv.org/abs/1607.02533",
    params: { eps: eps(0.3) },
    photo: { eps: PHOTO_EPS },
    run: async (f, x, _l, targets, p) => ({
      adversarial: fgsm(f, x, targets, { eps: p.eps, targeted: true }),
      backward: 1,
    }),
  },
  pgd: {
    id: "pgd",
    name: "PGD",
    norm: "linf",
    targeted: false,
    paper: "https://arxiv.org/abs/1706.06083",
    params: { eps: eps(0.3), steps: steps(40) },
    photo: { eps: PHOTO_EPS, steps: 10 },
    run: async (f, x, labels, _t, p, control) => ({
      adversarial: await pgdAsync(
        f,
        x,
        labels,
        { eps: p.eps, steps: p.steps, randomStart: true, seed: 1 },
        control,
      ),
      backward: p.eps === 0 ? 0 : p.steps,
    }),
  },
  miFgsm: {
    id: "miFgsm",
    name: "MI-FGSM",
    norm: "linf",
    targeted: false,
    paper: "https://arxiv.org/abs/1710.06081",
    params: {
      eps: eps(0.3),
      steps: steps(10),
      momentum: { label: "momentum μ", value: 1, min: 0, max: 2 },
    },
    photo: { eps: PHOTO_EPS },
    run: async (f, x, labels, _t, p, control) => {
      const opts = { eps: p.eps, steps: p.steps, momentum: p.momentum };
      const iterations = miFgsmIterations(f, x, labels, opts);
      return {
        adversarial: await runIterationsAsync(iterations, p.steps, control, "MI-FGSM"),
        backward: p.eps === 0 ? 0 : p.steps,
      };
    },
  },
  pgdL2: {
    id: "pgdL2",
    name: "PGD-L2",
    norm: "l2",
    targeted: false,
    paper: "https://arxiv.org/abs/1706.06083",
    params: { radius: { label: "radius (L2)", value: 2, min: 0, max: 28 }, steps: steps(40) },
    photo: { radius: 0.5, steps: 10 },
    run: async (f, x, labels, _t, p, control) => {
      const iterations = pgdL2Iterations(f, x, labels, { radius: p.radius, steps: p.steps });
      return {
        adversarial: await runIterationsAsync(iterations, p.steps, control, "PGD-L2"),
        backward: p.radius === 0 ? 0 : p.steps,
      };
    },
  },
  deepFool: {
    id: "deepFool",
    name: "DeepFool",
    norm: "l2",
    targeted: false,
    paper: "https://arxiv.org/abs/1511.04599",
    params: {
      steps: steps(50),
      candidates: { label: "candidate classes", value: 10, min: 1, max: 1000, integer: true },
      overshoot: { label: "overshoot", value: 0.02, min: 0, max: 1 },
    },
    // Each step takes one gradient per candidate (~0.3 s on a photo here): 4, not foolbox's 10.
    photo: { candidates: 4 },
    run: async (f, x, labels, _t, p, control) => {
      const { steps: s, candidates, overshoot } = p;
      const opts = { steps: s, candidates, overshoot, eightBit: true };
      const r = await deepFool(f, x, labels, opts, control);
      return { adversarial: r.adversarial, backward: r.backward };
    },
  },
  cw: {
    id: "cw",
    name: "Carlini-Wagner L2",
    norm: "l2",
    targeted: false,
    paper: "https://arxiv.org/abs/1608.04644",
    params: {
      steps: steps(100),
      binarySearchSteps: {
        label: "binary search steps",
        value: 5,
        min: 1,
        max: 20,
        integer: true,
      },
      initialConst: { label: "initial c", value: 1, min: 1e-4, max: 1e4 },
      confidence: { label: "confidence κ", value: 0, min: 0, max: 50 },
      learningRate: { label: "learning rate", value: 0.1, min: 1e-4, max: 1 },
    },
    // A photo's gradient takes ~0.3 s here: 2 searches of 10 steps keep it near 10 s. At 0.1
    // each Adam step moves every pixel ~12 levels (the cat: L2 3.3); at torchattacks' 0.01, 0.92.
    photo: { steps: 10, binarySearchSteps: 2, learningRate: 0.01 },
    run: async (f, x, labels, _t, p, control) => {
      const { steps: s, binarySearchSteps, initialConst, confidence, learningRate } = p;
      const opts = { steps: s, binarySearchSteps, initialConst, confidence, learningRate };
      const r = await carliniWagnerL2(f, x, labels, { ...opts, eightBit: true }, control);
      return { adversarial: r.adversarial, backward: r.backward };
    },
  },
  jsma: {
    id: "jsma",
    name: "JSMA",
    norm: "l0",
    targeted: true,
    paper: "https://arxiv.org/abs/1511.07528",
    params: {
      theta: { label: "θ (change per pixel)", value: 1, min: -1, max: 1 },
      gamma: { label: "γ (largest share of pixels)", value: 0.1, min: 0.001, max: 1 },
    },
    photo: null, // pairs of pixels: 10^10 of them in a photo
    run: (f, x, _l, targets, p, control) =>
      perImage(x, targets.length, (xi, i) =>
        jsma(f, xi, targets[i], { theta: p.theta, gamma: p.gamma }, control),
      ),
  },
  greedyPixels: {
    id: "greedyPixels",
    name: "Greedy pixels",
    norm: "l0",
    targeted: false,
    paper: "https://arxiv.org/abs/1511.07528",
    params: {
      perStep: { label: "pixels per gradient", value: 1, min: 1, max: 1000, integer: true },
      maxPixels: { label: "most pixels changed", value: 78, min: 1, max: 50176, integer: true },
    },
    photo: { perStep: 16, maxPixels: 1000 },
    run: (f, x, labels, _t, p, control) =>
      perImage(x, labels.length, (xi, i) =>
        greedyPixels(f, xi, labels[i], { perStep: p.perStep, maxPixels: p.maxPixels }, control),
      ),
  },
};

export const ZOO_IDS = Object.keys(ZOO) as ZooAttackId[];

/** The defaults of an attack's settings in `domain`, with `overrides` applied. */
export const zooParams = (
  id: ZooAttackId,
  overrides: ZooParams = {},
  domain: ZooDomain = "digits",
): ZooParams => ({
  ...Object.fromEntries(Object.entries(ZOO[id].params).map(([k, v]) => [k, v.value])),
  ...(domain === "photo" ? ZOO[id].photo : {}),
  ...overrides,
});

/** The attacks offered in `domain`. */
export const zooIds = (domain: ZooDomain): ZooAttackId[] =>
  ZOO_IDS.filter((id) => domain === "digits" || ZOO[id].photo !== null);

/** How to run a zoo attack beyond its settings. */
export interface ZooRunOptions {
  domain?: ZooDomain;
  control?: IterationControl;
  /** Record a trace of the first example (one extra forward pass per sampled step, uncounted). */
  trace?: boolean;
}

/**
 * Runs attack `id` and rounds its examples to 8 bits, as an image would be saved (DeepFool and
 * C&W, which stop just past the boundary, already judge success on the rounded image). Counts
 * the model's forward passes (a gradient's included) and optionally records a trace.
 */
export async function runZooAttack(
  id: ZooAttackId,
  f: LogitsFn,
  x: tf.Tensor,
  labels: number[],
  targets: number[],
  overrides: ZooParams = {},
  options: ZooRunOptions = {},
): Promise<ZooResult> {
  const { domain, control = {}, trace = false } = options;
  const attack = ZOO[id];
  if (domain === "photo" && attack.photo === null)
    throw new RangeError(`${attack.name} does not run on photos.`);
  let forward = 0;
  const counted: LogitsFn = (z) => {
    forward++;
    return f(z);
  };
  const recorder = trace ? traceRecorder(f, x, (attack.targeted ? targets : labels)[0]) : null;
  try {
    const params = zooParams(id, overrides, domain);
    const r = await attack.run(counted, x, labels, targets, params, {
      ...control,
      observe: recorder?.observe ?? control.observe,
    });
    const rounded = quantize8bit(r.adversarial);
    r.adversarial.dispose();
    return {
      adversarial: rounded,
      backward: r.backward,
      params,
      forward,
      trace: (await recorder?.read()) ?? [],
    };
  } finally {
    recorder?.dispose();
  }
}
