import { describe, expect, it } from "vitest";
import { inProcessDigits } from "../testing/inProcessDigits";
import { until } from "../testing/until";
import { createStepsStore } from "./stepsStore";

describe("the digits store when its worker fails to start", () => {
  it("says so, and Try again (start once more) loads the digits in a fresh worker", async () => {
    const { store, close } = inProcessDigits({ firstStartDies: true });
    try {
      await store.getState().actions.start();
      expect(store.getState().status).toBe("error");
      expect(store.getState().error).toMatch(/digits worker stopped: it could not start/);
      await expect(store.getState().actions.compute("memory", null)).resolves.toMatchObject({
        numTensors: expect.any(Number),
      });
      expect(store.getState().status).toBe("ready");
      expect(store.getState().models.cnn.testAccuracy).toBeGreaterThan(0.9);
    } finally {
      close();
    }
  });
});

describe("the digits store when its worker dies mid-job", () => {
  it("the job says what happened, a fresh worker loads the models, and chapter 3 recomputes what it showed", async () => {
    const { store, close, kill, workersMade } = inProcessDigits();
    try {
      const steps = createStepsStore(store);
      steps.getState().actions.start();
      await until(steps, (s) => s.clean !== null);
      const shown = steps.getState().clean;
      const version = store.getState().modelsVersion;
      const training = store.getState().actions.retrain("softmax", 1);
      await until(store, (s) => (s.training?.done ?? 0) > 0);
      kill();
      await training;
      expect(store.getState().training).toMatchObject({
        status: "error",
        message: "The digits worker stopped answering (it may have run out of memory).",
      });
      await until(store, (s) => s.status === "ready" && s.modelsVersion > version);
      expect(workersMade()).toBe(2);
      expect(store.getState().models.softmax.source).toBe("shipped");
      await until(steps, (s) => s.clean !== null && s.clean !== shown);
      expect(steps.getState().clean?.label).toBe(shown?.label);
    } finally {
      close();
    }
  });
});
