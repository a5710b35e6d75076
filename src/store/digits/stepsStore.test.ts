import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type StoreApi } from "zustand/vanilla";
import { DIGIT_MODEL_KINDS, digitLogits } from "../../engine/digits/digitModels";
import { fgsmEpsStages } from "../../engine/digits/fgsmStages";
import { loadShippedModel, loadSplitFromDisk } from "../../engine/digits/testing/nodeDigits";
import { argMax } from "../../engine/topK";
import { serialQueue } from "../serialQueue";
import type { DigitContext, DigitsStore } from "./digitsStore";
import { createStepsStore, type StepsStore } from "./stepsStore";
import type { DigitsState } from "./types";

let ctx: DigitContext;
let digits: StoreApi<DigitsStore>;

beforeAll(async () => {
  await tf.setBackend("cpu");
  const split = await loadSplitFromDisk();
  const models = {} as DigitContext["models"];
  const logits = {} as DigitContext["logits"];
  for (const kind of DIGIT_MODEL_KINDS) {
    models[kind] = await loadShippedModel(kind);
    logits[kind] = digitLogits(models[kind]);
  }
  ctx = { split, models, logits };
  // The real store's queue and context, without fetching: what chapter stores see in `run`.
  const queue = serialQueue();
  digits = createStore<DigitsStore>()(() => ({
    status: "loading",
    error: null,
    models: {} as DigitsState["models"],
    modelsVersion: 0,
    training: null,
    actions: {
      start: async () => {},
      retrain: async () => {},
      cancelTraining: () => {},
      restoreShipped: async () => {},
      run: (job) => queue(() => job(ctx)),
    },
  }));
});
afterAll(() => {
  for (const kind of DIGIT_MODEL_KINDS) ctx.models[kind].dispose();
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
    digits.setState({ status: "ready", modelsVersion: 1 });
    steps.getState().actions.start();
    const s = await until(steps, (st) => st.status === "ready");
    expect(s.clean?.key).toBe(`mlp|test0|y${ctx.split.test.labels[0]}|v1`);
    expect(s.attack?.key).toBe(`${s.clean?.key}|eps26`);
    expect(s.trueLabel).toBe(ctx.split.test.labels[0]);
    expect(s.testCount).toBe(2000);
  });

  it("keeps only the last of many fast slider moves, and computes it right", async () => {
    for (let level = 1; level <= 30; level++) steps.getState().actions.setEpsLevel(level);
    const s = await until(steps, (st) => st.attack?.level === 30);
    const direct = await fgsmEpsStages(
      ctx.logits.mlp,
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
    expect(s.clean?.label).toBe(ctx.split.test.labels[1999]);
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
    digits.setState({ modelsVersion: 2 });
    const s = await until(steps, (st) => st.clean?.key.endsWith("|v2") ?? false);
    expect(s.status).toBe("ready");
  });
});
