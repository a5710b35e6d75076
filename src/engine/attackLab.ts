import * as tf from "@tensorflow/tfjs-core";
import { abortError } from "./abort";
import { fgsmFromSign } from "./attacks/fgsm";
import { fgsmBytes } from "./attacks/fgsmBytes";
import { inputGradient } from "./attacks/gradient";
import { epsilonFromLevels } from "./attacks/params";
import { type PgdAsyncControl, pgdAsync } from "./attacks/pgd";
import {
  fromRgbaBytes,
  perturbationBytes,
  perturbationGain,
  quantize8bit,
  toRgbaBytes,
} from "./pixels";
import type { LogitsFn } from "./types";

export type AttackKind = "fgsm" | "pgd";

/** What to attack: toward `targetClass`, or (null) away from the clean top-1. */
export interface AttackPlan {
  kind: AttackKind;
  /** The class the loss is computed for: the target, or the clean top-1. */
  label: number;
  targeted: boolean;
  steps: number;
  randomStart: boolean;
}

/** One adversarial image as plain data: what the page shows and what was classified. */
export interface AdversarialView {
  epsLevel: number;
  probs: Float32Array;
  advRgba: Uint8ClampedArray;
  /** Signed perturbation, grey = unchanged, amplified by `gain`. */
  perturbRgba: Uint8ClampedArray;
  gain: number;
}

const SWEEP_CHUNK = 11;

/** How a caller stops a lab call, or lets other work run between its PGD steps. */
export type LabControl = Pick<PgdAsyncControl, "signal" | "between">;

/**
 * Holds one clean image on the backend and crafts adversarial versions of it
 * for one classifier. For FGSM the gradient sign is computed (and read back)
 * once per plan, and each epsilon's image is kept on the backend, so moving the
 * slider back and forth costs one forward pass; the bytes on screen are built
 * on the CPU in whole grey levels (equal to the backend's copy, see
 * fgsmBytes.test.ts). PGD results are kept the same way. Call dispose() when
 * the image, model or plan goes away.
 */
export class AttackLab {
  private readonly x: tf.Tensor4D;
  private plan: AttackPlan | null = null;
  private gradSign: tf.Tensor4D | null = null;
  /** sign(grad) on the CPU, HWC, for building FGSM images without a GPU read-back. */
  private signValues: Float32Array | null = null;
  /** The plan's 8-bit adversarial images on the backend, by epsilon level (batch of one each). */
  private readonly images = new Map<number, tf.Tensor4D>();

  constructor(
    private readonly logits: LogitsFn,
    private readonly rgba: Uint8ClampedArray,
    readonly size: number,
  ) {
    this.x = tf.tidy(() => fromRgbaBytes(rgba, size, size).expandDims(0) as tf.Tensor4D);
  }

  /** The clean image [1, H, W, 3] in [0,1] (owned by the lab: read it, do not dispose it). */
  get clean(): tf.Tensor4D {
    return this.x;
  }

  /** Class probabilities of the clean image. */
  async cleanProbs(): Promise<Float32Array> {
    return this.probsOf(this.x);
  }

  /** Sets the attack; for FGSM computes sign(grad) once, here, and reads it back. */
  async setPlan(plan: AttackPlan): Promise<void> {
    this.clearPlan();
    this.plan = plan;
    if (plan.kind === "fgsm") {
      const sign = tf.tidy(
        () => inputGradient(this.logits, this.x, [plan.label]).sign() as tf.Tensor4D,
      );
      this.gradSign = sign;
      const values = (await sign.data()) as Float32Array;
      if (this.plan === plan) this.signValues = values;
    }
  }

  /** The adversarial image at eps = epsLevel/255, quantised to 8 bits, and its prediction. */
  async view(epsLevel: number, control: LabControl = {}): Promise<AdversarialView> {
    const gain = perturbationGain(epsilonFromLevels(Math.max(epsLevel, 1)));
    const pending = this.probsOf(await this.adversarial(epsLevel, control)); // runs on the GPU…
    const advRgba = await this.adversarialBytes(epsLevel, control); // …while the CPU does this
    const perturbRgba = perturbationBytes(advRgba, this.rgba, gain);
    return { epsLevel, probs: await pending, advRgba, perturbRgba, gain };
  }

  /**
   * Probabilities at each epsilon level. FGSM levels share one gradient, so
   * they run as batched forward passes; PGD runs once per level.
   */
  async sweep(levels: number[], control: LabControl = {}): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const chunk = this.plan?.kind === "fgsm" ? SWEEP_CHUNK : 1;
    for (let i = 0; i < levels.length; i += chunk) {
      const part = levels.slice(i, i + chunk);
      const images: tf.Tensor4D[] = [];
      for (const k of part) images.push(await this.adversarial(k, control));
      const batch = images.length === 1 ? images[0] : tf.concat(images);
      const probs = await this.probsOf(batch);
      if (images.length > 1) batch.dispose();
      const classes = probs.length / part.length;
      for (let j = 0; j < part.length; j++) out.push(probs.slice(j * classes, (j + 1) * classes));
      control.signal?.throwIfAborted();
    }
    return out;
  }

  dispose(): void {
    this.clearPlan();
    this.x.dispose();
  }

  private clearPlan(): void {
    this.gradSign?.dispose();
    this.gradSign = null;
    this.signValues = null;
    for (const t of this.images.values()) t.dispose();
    this.images.clear();
  }

  private fgsmImage(epsLevel: number): tf.Tensor4D {
    if (!this.plan || !this.gradSign) throw new Error("AttackLab: no FGSM plan set");
    const eps = epsilonFromLevels(epsLevel);
    const sign = this.gradSign;
    const targeted = this.plan.targeted;
    const image = tf.tidy(
      () => quantize8bit(fgsmFromSign(this.x, sign, eps, targeted)) as tf.Tensor4D,
    );
    this.images.set(epsLevel, image);
    return image;
  }

  /** The 8-bit adversarial image as RGBA bytes: FGSM on the CPU, PGD read back from the backend. */
  async adversarialBytes(epsLevel: number, control: LabControl = {}): Promise<Uint8ClampedArray> {
    const plan = this.plan;
    if (plan?.kind === "fgsm" && this.signValues) {
      return fgsmBytes(this.rgba, this.signValues, epsLevel, plan.targeted);
    }
    const xAdv = await this.adversarial(epsLevel, control);
    const image = tf.tidy(() => xAdv.squeeze([0]) as tf.Tensor3D);
    const bytes = await toRgbaBytes(image);
    image.dispose();
    return bytes;
  }

  /** The plan's 8-bit adversarial image at this level, made once and kept (owned by the lab). */
  private async adversarial(epsLevel: number, control: LabControl): Promise<tf.Tensor4D> {
    const plan = this.plan;
    if (!plan) throw new Error("AttackLab: setPlan() first");
    const cached = this.images.get(epsLevel);
    if (cached) return cached;
    if (plan.kind === "fgsm") return this.fgsmImage(epsLevel);
    if (epsLevel === 0) return this.keep(0, this.x.clone()); // no budget: the clean image
    const eps = epsilonFromLevels(epsLevel);
    const raw = await pgdAsync(
      this.logits,
      this.x,
      [plan.label],
      { eps, steps: plan.steps, randomStart: plan.randomStart, targeted: plan.targeted, seed: 7 },
      control,
    );
    const q = tf.tidy(() => quantize8bit(raw) as tf.Tensor4D);
    raw.dispose();
    if (this.plan !== plan) {
      q.dispose();
      throw abortError("The attack changed while PGD ran");
    }
    return this.keep(epsLevel, q);
  }

  /**
   * Caches the plan's image at a level (the lab owns and disposes it). Two calls that ran PGD
   * for one level side by side (a slider move cut in on the sweep) keep the first image.
   */
  private keep(epsLevel: number, image: tf.Tensor4D): tf.Tensor4D {
    const first = this.images.get(epsLevel);
    if (first) {
      image.dispose();
      return first;
    }
    this.images.set(epsLevel, image);
    return image;
  }

  private async probsOf(x: tf.Tensor): Promise<Float32Array> {
    const p = tf.tidy(() => tf.softmax(this.logits(x)));
    const data = (await p.data()) as Float32Array;
    p.dispose();
    return data;
  }
}
