import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttackLab, type AttackPlan } from "./attackLab";
import { tinyConvNet } from "./attacks/testModels";
import { argMax } from "./topK";

const SIZE = 6;
let model: ReturnType<typeof tinyConvNet>;

/** A seeded 6x6 RGBA image with some channels at 0 and 255, so clipping happens. */
function image(): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = i % 4 === 3 ? 255 : (i * 37 + 11) % 256;
  rgba[0] = 0;
  rgba[1] = 255;
  return rgba;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
  model = tinyConvNet();
});
afterAll(() => model.dispose());

async function labWith(kind: AttackPlan["kind"]) {
  const rgba = image();
  const lab = new AttackLab(model.f, rgba, SIZE);
  const clean = await lab.cleanProbs();
  await lab.setPlan({ kind, label: argMax(clean), targeted: false, steps: 5, randomStart: false });
  return { lab, rgba, clean };
}

describe("AttackLab", () => {
  it.each(["fgsm", "pgd"] as const)(
    "eps = 0 shows and classifies the clean image (%s)",
    async (kind) => {
      const { lab, rgba, clean } = await labWith(kind);
      const v = await lab.view(0);
      expect(v.advRgba).toEqual(rgba);
      expect([...v.probs]).toEqual([...clean]);
      lab.dispose();
    },
  );

  for (const kind of ["fgsm", "pgd"] as const) {
    it(`${kind}: every channel stays within k grey levels and the view classifies what it shows`, async () => {
      const { lab, rgba } = await labWith(kind);
      for (const k of [1, 4, 9]) {
        const v = await lab.view(k);
        let maxDiff = 0;
        for (let i = 0; i < rgba.length; i++)
          maxDiff = Math.max(maxDiff, Math.abs(v.advRgba[i] - rgba[i]));
        expect(maxDiff).toBeLessThanOrEqual(k);
        // Classifying the shown bytes from scratch gives the same probabilities.
        const shown = new AttackLab(model.f, v.advRgba, SIZE);
        expect(Array.from(await shown.cleanProbs())).toEqual(Array.from(v.probs));
        shown.dispose();
      }
      lab.dispose();
    });
  }

  it("FGSM untargeted lowers the clean class probability as eps grows (sweep)", async () => {
    const { lab, clean } = await labWith("fgsm");
    const top = argMax(clean);
    const probs = await lab.sweep([0, 8, 32]);
    expect(probs).toHaveLength(3);
    expect(probs[0][top]).toBeCloseTo(clean[top], 5);
    expect(probs[2][top]).toBeLessThan(probs[0][top]);
    lab.dispose();
  });

  it("keeps the tensor count flat across plans, views, sweeps and dispose", async () => {
    const before = tf.memory().numTensors;
    for (const kind of ["fgsm", "pgd"] as const) {
      const { lab } = await labWith(kind);
      for (let i = 0; i < 20; i++) await lab.view(i % 5);
      await lab.sweep([0, 1, 2]);
      await lab.setPlan({ kind, label: 0, targeted: true, steps: 2, randomStart: true });
      await lab.view(3);
      lab.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
