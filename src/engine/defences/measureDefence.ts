import * as tf from "@tensorflow/tfjs-core";
import { fgsm } from "../attacks/fgsm";
import { pgd } from "../attacks/pgd";
import { countHits } from "../digits/evaluate";
import { quantize8bit } from "../pixels";
import type { LogitsFn } from "../types";
import { bpdaLogits, quantisedLogits } from "./quantiseDefence";

/** How the defence is measured: its grey values, and the attacks' budget. */
export interface DefenceSettings {
  /** Grey values the defence keeps (2 binarises). */
  levels: number;
  /** L-inf budget in [0,1] units. */
  eps: number;
  /** PGD iterations (random start, default step size), for PGD and for BPDA-PGD. */
  steps: number;
  /** Seeds PGD's random starts. */
  seed: number;
}

/**
 * Correctly classified digits of one batch: the model alone (clean, FGSM, PGD) and behind the
 * defence (clean, FGSM and PGD through it, BPDA-PGD). Every attacked image is rounded to 8 bits
 * before it is classified, like every image on the page.
 */
export interface DefenceHits {
  count: number;
  undefended: { clean: number; fgsm: number; pgd: number };
  defended: { clean: number; fgsm: number; pgd: number; bpda: number };
}

/** The hits of one batch x [N, 28, 28, 1] with labels y [N]. */
export async function defenceHits(
  f: LogitsFn,
  x: tf.Tensor,
  y: tf.Tensor1D,
  s: DefenceSettings,
): Promise<DefenceHits> {
  const defended = quantisedLogits(f, s.levels);
  const bpda = bpdaLogits(f, s.levels);
  const counts = tf.tidy(() => {
    const pgdOptions = { eps: s.eps, steps: s.steps, randomStart: true, seed: s.seed };
    const attacked = (g: LogitsFn, run: (g: LogitsFn) => tf.Tensor) => quantize8bit(run(g));
    const viaFgsm = (g: LogitsFn) => attacked(g, (h) => fgsm(h, x, y, { eps: s.eps }));
    const viaPgd = (g: LogitsFn) => attacked(g, (h) => pgd(h, x, y, pgdOptions));
    return tf.stack([
      countHits(f(x), y),
      countHits(f(viaFgsm(f)), y),
      countHits(f(viaPgd(f)), y),
      countHits(defended(x), y),
      countHits(defended(viaFgsm(defended)), y),
      countHits(defended(viaPgd(defended)), y),
      // BPDA crafts with the straight-through gradient and is judged by the defended model.
      countHits(defended(viaPgd(bpda)), y),
    ]);
  });
  const [c0, c1, c2, d0, d1, d2, d3] = await counts.data();
  counts.dispose();
  return {
    count: x.shape[0],
    undefended: { clean: c0, fgsm: c1, pgd: c2 },
    defended: { clean: d0, fgsm: d1, pgd: d2, bpda: d3 },
  };
}

/** Sums of two tallies (a table's chunks folded together). */
export function addHits(a: DefenceHits, b: DefenceHits): DefenceHits {
  const add = <T extends Record<string, number>>(p: T, q: T) =>
    Object.fromEntries(Object.keys(p).map((k) => [k, p[k] + q[k]])) as T;
  return {
    count: a.count + b.count,
    undefended: add(a.undefended, b.undefended),
    defended: add(a.defended, b.defended),
  };
}
