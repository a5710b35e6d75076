import { describe, expect, it } from "vitest";
import { inProcessDigits } from "../testing/inProcessDigits";

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
