import "fake-indexeddb/auto";
import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isAbort } from "../../engine/abort";
import type { AttackPlan } from "../../engine/attackLab";
import type { ZooChoice } from "../../engine/attacks/zoo/compare";
import { createClassifier } from "../../engine/models/classifier";
import { classifyImage } from "../../engine/models/classifyImage";
import { fetchModelArtifacts } from "../../engine/models/fetchArtifacts";
import { centreCrop, fixtureFetch, loadPng, spec } from "../../engine/models/testing/fixtures";
import { toRgbaBytes } from "../../engine/pixels";
import { inProcessImagenet } from "../../store/testing/inProcessImagenet";

const SIZE = 224;
const MOBILENET = "mobilenet_v1_025";
let worker: ReturnType<typeof inProcessImagenet>;
let cat: Uint8ClampedArray;
const call: ReturnType<typeof inProcessImagenet>["client"]["call"] = (...args) =>
  worker.client.call(...args);
/** Live tensors in the worker, read after every job sent before. */
const tensors = async () => (await call("memory", null, { priority: "batch" })).numTensors;
const untargeted = (label: number, kind: AttackPlan["kind"]): AttackPlan => ({
  kind,
  label,
  targeted: false,
  steps: 10,
  randomStart: false,
});
const argMax = (p: Float32Array) => p.indexOf(Math.max(...p));

beforeAll(async () => {
  vi.stubGlobal("fetch", fixtureFetch());
  worker = inProcessImagenet();
  await call("start", { backend: "cpu", wasmPath: "", pageUrl: "http://gibbon.test/" });
  const x = tf.tidy(() => centreCrop(loadPng("cat_chelsea.png"), SIZE).squeeze([0]));
  cat = await toRgbaBytes(x as tf.Tensor3D);
  x.dispose();
  await call("loadModel", { role: "attack", from: { catalog: MOBILENET } }, { priority: "io" });
  await call("adoptModel", { role: "attack" });
});
afterAll(() => {
  worker.close();
  vi.unstubAllGlobals();
});

describe("the ImageNet worker (chapters 1 and 4), through its protocol", () => {
  it("classifies chapter 1's image like an independent copy of the model does", async () => {
    const probs = await call("setImage", { rgba: cat, size: SIZE });
    const artifacts = await fetchModelArtifacts(spec(MOBILENET), { fetchFn: fixtureFetch() });
    const copy = await createClassifier(artifacts, { ...spec(MOBILENET) });
    const direct = await classifyImage(copy, cat, SIZE);
    copy.dispose();
    expect(probs).toHaveLength(1000);
    for (let k = 0; k < 1000; k += 97) expect(probs[k]).toBeCloseTo(direct[k], 6);
  });

  it("makes FGSM images within eps, and leaves no tensor behind", async () => {
    const clean = await call("setImage", { rgba: cat, size: SIZE });
    await call("setPlan", { plan: untargeted(argMax(clean), "fgsm") });
    await call("view", { level: 1 }); // warm-up: the first view keeps its image
    const before = await tensors();
    for (const level of [4, 8, 4, 0]) {
      const v = await call("view", { level });
      let worst = 0;
      for (let i = 0; i < cat.length; i++)
        if ((i & 3) !== 3) worst = Math.max(worst, Math.abs(v.advRgba[i] - cat[i]));
      expect(worst).toBe(level);
      expect(v.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
    // A level seen before costs nothing more; a new one keeps one image (until the plan goes).
    expect(await tensors()).toBe(before + 3);
    await call("setPlan", { plan: untargeted(argMax(clean), "fgsm") });
    expect(await tensors()).toBe(before - 1); // the gradient's sign alone
  });

  it("lets a slider move cut in between a PGD sweep's steps, and drops the cancelled sweep", async () => {
    const clean = await call("setImage", { rgba: cat, size: SIZE });
    await call("setPlan", { plan: untargeted(argMax(clean), "pgd") });
    const before = await tensors();
    const order: string[] = [];
    const abort = new AbortController();
    const sweep = call("sweep", { levels: [8] }, { priority: "batch", signal: abort.signal }).then(
      () => order.push("sweep"),
      (e: unknown) => order.push(isAbort(e) ? "sweep aborted" : `sweep failed: ${e}`),
    );
    // Level 0 is the clean image: one forward pass, answered between two PGD steps.
    const view = await call("view", { level: 0 });
    order.push("view");
    expect(view.advRgba).toEqual(cat);
    abort.abort();
    await sweep;
    expect(order).toEqual(["view", "sweep aborted"]);
    // The aborted run's iterate is gone; the view kept its level-0 image.
    expect(await tensors()).toBe(before + 1);
  });

  it("runs the attack zoo on the image: FGSM in its ball, DeepFool flips it, greedy pixels within budget", async () => {
    const clean = await call("setImage", { rgba: cat, size: SIZE });
    const before = await tensors();
    const progress: { index: number; done: number; row: boolean }[] = [];
    const attacks: ZooChoice[] = [
      { id: "fgsm", params: {} },
      { id: "deepFool", params: { candidates: 3 } },
      { id: "greedyPixels", params: { perStep: 64, maxPixels: 256 } },
    ];
    const { rows, cleanRgba, label } = await call(
      "zooCompare",
      { attacks, target: 368 },
      { onProgress: (p) => progress.push({ index: p.index, done: p.done, row: !!p.row }) },
    );
    expect(rows.map((r) => r.id)).toEqual(["fgsm", "deepFool", "greedyPixels"]);
    expect(cleanRgba).toEqual(cat);
    expect(label).toBe(argMax(clean));
    const [fgsm, deepFool, greedy] = rows;
    // Photo defaults: FGSM at 2/255, rounded to whole levels.
    expect(fgsm.params.eps).toBeCloseTo(2 / 255, 6);
    expect(fgsm.size.linf).toBeCloseTo(2 / 255, 4);
    expect(fgsm.backward).toBe(1);
    expect(deepFool.success).toBe(true);
    expect(argMax(deepFool.probs)).not.toBe(argMax(clean));
    expect(deepFool.size.l2).toBeLessThan(fgsm.size.l2);
    expect(deepFool.trace.length).toBeGreaterThan(0);
    expect(greedy.size.l0).toBeLessThanOrEqual(256 * 3);
    for (const r of rows) {
      expect(r.advRgba).toHaveLength(cat.length);
      expect(r.forward).toBeGreaterThanOrEqual(r.backward);
    }
    // Every attack's iterations are reported, and each row as it ends.
    expect(progress.filter((p) => p.row).map((p) => p.index)).toEqual([0, 1, 2]);
    expect(progress.some((p) => p.index === 1 && !p.row)).toBe(true);
    console.info(
      rows
        .map(
          (r) =>
            `${r.id}: success ${r.success}, L2 ${r.size.l2.toFixed(3)}, L0 ${r.size.l0}, ${r.backward} gradients, ${r.ms.toFixed(0)} ms`,
        )
        .join("; "),
    );
    expect(await tensors()).toBe(before);
  }, 120_000);

  it("stops a zoo comparison when cancelled, leaving nothing behind", async () => {
    await call("setImage", { rgba: cat, size: SIZE });
    const before = await tensors();
    const stop = new AbortController();
    const job = call(
      "zooCompare",
      { attacks: [{ id: "pgd", params: { steps: 20 } }], target: 368 },
      { signal: stop.signal, onProgress: () => stop.abort() },
    );
    await expect(job).rejects.toThrow(/abort|cancel/i);
    expect(await tensors()).toBe(before);
  });

  it("drops a superseded model load: the newer one is adopted, nothing leaks", async () => {
    const before = await tensors();
    const stale = new AbortController();
    const first = call(
      "loadModel",
      { role: "judge", from: { catalog: "darknet_tiny" } },
      { priority: "io", signal: stale.signal },
    ).catch((e: unknown) => (isAbort(e) ? "aborted" : e));
    stale.abort();
    expect(await first).toBe("aborted");
    await expect(call("adoptModel", { role: "judge" })).rejects.toThrow(/replaced/);
    const loaded = await call(
      "loadModel",
      { role: "judge", from: { catalog: "darknet_tiny" } },
      { priority: "io" },
    );
    expect(loaded).toMatchObject({ id: "darknet_tiny", inputSize: 224 });
    await call("adoptModel", { role: "judge" });
    const judged = await call("classify", { role: "judge", rgba: cat, size: SIZE });
    expect(judged).toHaveLength(1000);
    // Darknet's weights, and nothing of the cancelled load, wait for the worker's settle.
    await vi.waitFor(async () => {
      const darknet = (await tensors()) - before;
      expect(darknet).toBeGreaterThan(0);
      expect(darknet).toBe(await weightsOfDarknet());
    });
  });
});

/** How many tensors one Darknet tiny holds (built and counted outside the worker). */
async function weightsOfDarknet(): Promise<number> {
  const start = tf.memory().numTensors;
  const artifacts = await fetchModelArtifacts(spec("darknet_tiny"), { fetchFn: fixtureFetch() });
  const copy = await createClassifier(artifacts, { ...spec("darknet_tiny") });
  const count = tf.memory().numTensors - start;
  copy.dispose();
  return count;
}
