import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeBatch } from "../batches";
import { buildDigitModel } from "../digitModels";
import { loadSplitFromDisk } from "../testing/nodeDigits";
import { passesPerMinibatch, trainingStep } from "./methods";
import { DEFAULT_METHOD_SETTINGS } from "./settings";
import { TRAINING_METHODS } from "./types";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("training methods", () => {
  it("nominal cost per minibatch: standard 1, FGSM 2, PGD-k k+1, free m, fast 2", () => {
    const s = { ...DEFAULT_METHOD_SETTINGS, pgdSteps: 7, replays: 3 };
    expect(TRAINING_METHODS.map((m) => passesPerMinibatch(m, s).backward)).toEqual([1, 2, 8, 3, 2]);
    for (const m of TRAINING_METHODS) {
      expect(passesPerMinibatch(m, s).forward).toBe(passesPerMinibatch(m, s).backward);
    }
  });

  it.each(TRAINING_METHODS)(
    "%s: each step adds exactly its nominal passes, leaks nothing, and learns",
    async (method) => {
      const { train } = await loadSplitFromDisk();
      const settings = { ...DEFAULT_METHOD_SETTINGS, pgdSteps: 2, replays: 2 };
      const model = buildDigitModel("mlp", 8);
      const start = tf.memory().numTensors;
      const optimizer = tf.train.adam(0.01);
      const count = { forward: 0, backward: 0 };
      const step = trainingStep(method, model, optimizer, settings, count, 1);
      const losses: number[] = [];
      for (let b = 0; b < 3; b++) {
        const batch = makeBatch(
          train,
          Int32Array.from({ length: 32 }, (_, i) => i),
        );
        const loss = step(batch);
        losses.push(loss.dataSync()[0]);
        tf.dispose([loss, batch.x, batch.y]);
      }
      const per = passesPerMinibatch(method, settings);
      expect(count).toEqual({ forward: 3 * per.forward, backward: 3 * per.backward });
      expect(losses[2]).toBeLessThan(losses[0]); // the same batch three times: its loss falls
      step.dispose();
      optimizer.dispose();
      expect(tf.memory().numTensors).toBe(start);
      model.dispose();
    },
  );
});
