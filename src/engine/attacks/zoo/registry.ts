import * as tf from "@tensorflow/tfjs-core";
import { quantize8bit } from "../../pixels";
import type { LogitsFn } from "../../types";
import { carliniWagnerL2 } from "../carliniWagner";
import { deepFool } from "../deepFool";
import { fgsm } from "../fgsm";
import { jsma } from "../jsma";
import { miFgsm } from "../miFgsm";
import { pgd } from "../pgd";
import { pgdL2 } from "../pgdL2";

export type ZooAttackId =
  | "fgsm"
  | "fgsmTargeted"
  | "pgd"
  | "miFgsm"
  | "pgdL2"
  | "deepFool"
  | "cw"
  | "jsma";

/** One editable setting of an attack, with its default and range. */
export interface ZooParam {
  label: string;
  value: number;
  min: number;
  max: number;
}

export type ZooParams = Record<string, number>;

/** What an attack made of a batch: the examples (8-bit) and the gradients it took for them. */
export interface ZooRun {
  adversarial: tf.Tensor;
  backward: number;
}

export interface ZooAttack {
  id: ZooAttackId;
  name: string;
  /** The norm its budget or objective is stated in. */
  norm: "linf" | "l2" | "l0";
  /** Aims at `targets` instead of away from `labels`. */
  targeted: boolean;
  paper: string;
  params: Record<string, ZooParam>;
  /** Runs on a batch x [N, ...] in [0,1]; the caller disposes the result. */
  run(
    f: LogitsFn,
    x: tf.Tensor,
    labels: number[],
    targets: number[],
    p: ZooParams,
  ): Promise<ZooRun>;
}

const eps = (value: number): ZooParam => ({ label: "ε (L∞, in [0,1])", value, min: 0, max: 1 });
const steps = (value: number): ZooParam => ({ label: "steps", value, min: 1, max: 1000 });

/**
 * Every attack of the zoo behind one call. Defaults are the MNIST settings of the papers and of
 * the reference libraries (foolbox, torchattacks), except where a browser needs fewer steps
 * (said in each attack's own module).
 */
export const ZOO: Record<ZooAttackId, ZooAttack> = {
  fgsm: {
    id: "fgsm",
    name: "FGSM",
    norm: "linf",
    targeted: false,
    paper: "https://arxiv.org/abs/1412.6572",
    params: { eps: eps(0.3) },
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
    run: async (f, x, labels, _t, p) => ({
      adversarial: pgd(f, x, labels, { eps: p.eps, steps: p.steps, randomStart: true, seed: 1 }),
      backward: p.steps,
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
    run: async (f, x, labels, _t, p) => ({
      adversarial: miFgsm(f, x, labels, { eps: p.eps, steps: p.steps, momentum: p.momentum }),
      backward: p.steps,
    }),
  },
  pgdL2: {
    id: "pgdL2",
    name: "PGD-L2",
    norm: "l2",
    targeted: false,
    paper: "https://arxiv.org/abs/1706.06083",
    params: { radius: { label: "radius (L2)", value: 2, min: 0, max: 28 }, steps: steps(40) },
    run: async (f, x, labels, _t, p) => ({
      adversarial: pgdL2(f, x, labels, { radius: p.radius, steps: p.steps }),
      backward: p.steps,
    }),
  },
  deepFool: {
    id: "deepFool",
    name: "DeepFool",
    norm: "l2",
    targeted: false,
    paper: "https://arxiv.org/abs/1511.04599",
    params: {
      steps: steps(50),
      candidates: { label: "candidate classes", value: 10, min: 1, max: 1000 },
      overshoot: { label: "overshoot", value: 0.02, min: 0, max: 1 },
    },
    run: async (f, x, labels, _t, p) => {
      const r = deepFool(f, x, labels, {
        steps: p.steps,
        candidates: p.candidates,
        overshoot: p.overshoot,
        eightBit: true,
      });
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
      binarySearchSteps: { label: "binary search steps", value: 5, min: 1, max: 20 },
      initialConst: { label: "initial c", value: 1, min: 1e-4, max: 1e4 },
      confidence: { label: "confidence κ", value: 0, min: 0, max: 50 },
      learningRate: { label: "learning rate", value: 0.1, min: 1e-4, max: 1 },
    },
    run: async (f, x, labels, _t, p) => {
      const { steps: s, binarySearchSteps, initialConst, confidence, learningRate } = p;
      const r = await carliniWagnerL2(f, x, labels, {
        steps: s,
        binarySearchSteps,
        initialConst,
        confidence,
        learningRate,
        eightBit: true,
      });
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
    // One image at a time (the saliency map is per image); the results are stacked.
    run: async (f, x, _l, targets, p) => {
      const parts: tf.Tensor[] = [];
      let backward = 0;
      try {
        for (const [i, target] of targets.entries()) {
          const one = tf.slice(x, i, 1);
          const r = await jsma(f, one, target, { theta: p.theta, gamma: p.gamma }).finally(() =>
            one.dispose(),
          );
          parts.push(r.adversarial);
          backward += r.backward;
        }
        return { adversarial: tf.concat(parts), backward };
      } finally {
        tf.dispose(parts);
      }
    },
  },
};

export const ZOO_IDS = Object.keys(ZOO) as ZooAttackId[];

/** The defaults of an attack's settings, with `overrides` applied. */
export const zooParams = (id: ZooAttackId, overrides: ZooParams = {}): ZooParams => ({
  ...Object.fromEntries(Object.entries(ZOO[id].params).map(([k, v]) => [k, v.value])),
  ...overrides,
});

/**
 * Runs attack `id` and rounds its examples to 8 bits, as an image would be saved (DeepFool and
 * C&W, which stop just past the boundary, already judge success on the rounded image).
 */
export async function runZooAttack(
  id: ZooAttackId,
  f: LogitsFn,
  x: tf.Tensor,
  labels: number[],
  targets: number[],
  overrides: ZooParams = {},
): Promise<ZooRun> {
  const r = await ZOO[id].run(f, x, labels, targets, zooParams(id, overrides));
  const rounded = quantize8bit(r.adversarial);
  r.adversarial.dispose();
  return { adversarial: rounded, backward: r.backward };
}
