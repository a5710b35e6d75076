import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessDigits } from "../testing/inProcessDigits";
import { until } from "../testing/until";
import { createVaeStore, PATH_LEVELS } from "./vaeStore";

let worker: ReturnType<typeof inProcessDigits>;
beforeAll(() => {
  worker = inProcessDigits();
});
afterAll(() => worker.close());

describe("chapter 7's store, on the real digits worker in-process", () => {
  it("maps the digits and attacks the first one at every level when the chapter starts", async () => {
    const store = createVaeStore(worker.store, "http://gibbon.test/models/vae/");
    store.getState().actions.start();
    await until(store, (s) => s.status === "ready");
    const s = store.getState();
    expect(s.map?.kind).toBe("vae16");
    expect(s.path?.targetClass).toBe(3);
    expect(s.path?.points).toHaveLength(PATH_LEVELS.length);
  }, 120_000);

  it("shows only the latest target's attack when targets change faster than attacks finish", async () => {
    const store = createVaeStore(worker.store, "http://gibbon.test/models/vae/");
    const { actions } = store.getState();
    actions.start();
    actions.setTarget({ class: 5 });
    actions.setTarget({ class: 8 });
    await until(store, (s) => s.status === "ready" && s.path?.targetClass === 8);
    await new Promise((wait) => setTimeout(wait, 1500)); // any late reply would land by now
    expect(store.getState().path?.targetClass).toBe(8);
    expect(store.getState().target).toEqual({ class: 8 });
  }, 120_000);
});

describe("chapter 7's other sources and targets", () => {
  it("attacks a drawing toward a chosen test digit's code", async () => {
    const store = createVaeStore(worker.store, "http://gibbon.test/models/vae/");
    const { actions } = store.getState();
    actions.start();
    await until(store, (s) => s.status === "ready");
    const labels = store.getState().map?.labels ?? new Uint8Array();
    // A vertical bar, drawn on a 28x28 square: a "1" to the models.
    const grey = Uint8ClampedArray.from({ length: 784 }, (_, i) =>
      i % 28 >= 12 && i % 28 < 16 ? 255 : 0,
    );
    actions.useDrawing(grey, 28);
    actions.setTarget({ test: 7 });
    await until(
      store,
      (s) =>
        s.status === "ready" && s.path?.sourceLabel === null && s.path.targetClass === labels[7],
    );
    const path = store.getState().path;
    expect(path?.points[0].attack.input.some((v) => v > 0)).toBe(true);
    // A test digit again: the drawing is dropped.
    actions.setSource(4);
    expect(store.getState().drawn).toBeNull();
  }, 120_000);
});
