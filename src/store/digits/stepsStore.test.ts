import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreApi } from "zustand/vanilla";
import { digitLogits } from "../../engine/digits/digitModels";
import { fgsmEpsStages } from "../../engine/digits/fgsmStages";
import type { DigitSplit } from "../../engine/digits/mnistData";
import { loadShippedModel, loadSplitFromDisk } from "../../engine/digits/testing/nodeDigits";
import { argMax } from "../../engine/topK";
import { inProcessDigits } from "../testing/inProcessDigits";
import type { DigitsStore } from "./digitsStore";
import { createStepsStore, type StepsStore } from "./stepsStore";

let split: DigitSplit;
let mlp: tfl.LayersModel;
let worker: ReturnType<typeof inProcessDigits>;
let digits: StoreApi<DigitsStore>;

beforeAll(async () => {
  await tf.setBackend("cpu");
  split = await loadSplitFromDisk();
  mlp = await loadShippedModel("mlp"); // an independent copy, to check the worker's numbers
  worker = inProcessDigits();
  digits = worker.store;
});
afterAll(() => {
  mlp.dispose();
  worker.close();
});

/** Resolves once `ok` holds for the store's state (checked now and after every change). */
function until(store: StoreApi<StepsStore>, ok: (s: StepsStore) => boolean): Promise<StepsStore> {
  return new Promise((resolve) => {
    if (ok(store.getState())) return resolve(store.getState());
    const stop = store.subscribe((s) => {
      if (!ok(s)) return;
      stop();
      resolve(s);
    });
  });
}

describe("the chapter-3 store", () => {
  let steps: StoreApi<StepsStore>;

  it("computes the default digit once started", async () => {
    steps = createStepsStore(digits);
    steps.getState().actions.setEpsLevel(25);
    steps.getState().actions.setEpsLevel(26);
    expect(steps.getState().clean).toBeNull(); // nothing runs before the chapter is seen
    expect(digits.getState().status).toBe("idle");
    steps.getState().actions.start();
    const s = await until(steps, (st) => st.status === "ready");
    expect(s.clean?.key).toBe(`mlp|test0|y${split.test.labels[0]}|v1`);
    expect(s.attack?.key).toBe(`${s.clean?.key}|eps26`);
    expect(s.trueLabel).toBe(split.test.labels[0]);
    expect(s.testCount).toBe(2000);
  });

  it("keeps only the last of many fast slider moves, and computes it right", async () => {
    for (let level = 1; level <= 30; level++) steps.getState().actions.setEpsLevel(level);
    const s = await until(steps, (st) => st.attack?.level === 30);
    const direct = await fgsmEpsStages(
      digitLogits(mlp),
      s.clean as NonNullable<typeof s.clean>,
      30 / 255,
    );
    expect(Array.from(s.attack?.probs ?? [])).toEqual(Array.from(direct.probs));
    steps.getState().actions.setEpsLevel(500);
    expect(steps.getState().epsLevel).toBe(77);
  });

  it("never shows stages of an old model after a switch during slider moves", async () => {
    steps.getState().actions.setEpsLevel(10);
    steps.getState().actions.setModel("softmax");
    steps.getState().actions.setEpsLevel(12);
    const s = await until(
      steps,
      (st) => st.clean?.model === "softmax" && st.attack?.level === 12 && st.status === "ready",
    );
    expect(s.attack?.key.startsWith("softmax|test0|")).toBe(true);
  });

  it("wraps around the test digits and attacks their true labels", async () => {
    steps.getState().actions.stepTest(-1);
    const s = await until(steps, (st) => st.clean?.key.includes("|test1999|") ?? false);
    expect(s.clean?.label).toBe(split.test.labels[1999]);
  });

  it("attacks a drawing's predicted label, or the one the reader picks", async () => {
    const size = 100;
    const bar = new Uint8ClampedArray(size * size);
    for (let y = 10; y < 90; y++) bar.fill(255, y * size + 45, y * size + 55);
    steps.getState().actions.useDrawing(bar, size);
    let s = await until(steps, (st) => st.clean?.key.includes("|drawn1|") ?? false);
    expect(s.clean?.label).toBe(argMax(s.clean?.probs ?? []));
    expect(s.trueLabel).toBeNull();
    steps.getState().actions.chooseLabel(7);
    s = await until(steps, (st) => st.clean?.key.includes("|drawn1|y7|") ?? false);
    expect(s.attack?.key).toMatch(/\|drawn1\|y7\|v1\|eps12$/);
  });

  it("recomputes when the weights change", async () => {
    await digits.getState().actions.restoreShipped("softmax");
    const s = await until(steps, (st) => st.clean?.key.endsWith("|v2") ?? false);
    expect(s.status).toBe("ready");
  });

  it("leaves no tensor behind in the worker", async () => {
    const { compute } = digits.getState().actions;
    const memory = () => compute("memory", null, { priority: "batch" });
    const before = (await memory()).numTensors;
    steps.getState().actions.setEpsLevel(40);
    await until(steps, (st) => st.attack?.level === 40);
    steps.getState().actions.showTest(5);
    await until(
      steps,
      (st) => st.status === "ready" && (st.clean?.key.includes("|test5|") ?? false),
    );
    expect((await memory()).numTensors).toBe(before);
  });
});
