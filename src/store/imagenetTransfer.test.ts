import "fake-indexeddb/auto";
import * as tf from "@tensorflow/tfjs-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clearModelCache } from "../engine/models/modelCache";
import { centreCrop, fixtureFetch, fixtureFiles, loadPng } from "../engine/models/testing/fixtures";
import { toRgbaBytes } from "../engine/pixels";
import { createImagenetTransferStore } from "./imagenetTransfer";
import { inProcessImagenet } from "./testing/inProcessImagenet";
import type { AdversarialResult } from "./types";

const EGYPTIAN_CAT = 285;
const SIZE = 224;
let cat: Uint8ClampedArray;

beforeAll(async () => {
  await tf.setBackend("cpu");
  const x = tf.tidy(() => centreCrop(loadPng("cat_chelsea.png"), SIZE).squeeze([0]));
  cat = await toRgbaBytes(x as tf.Tensor3D);
  x.dispose();
});
const closers: (() => void)[] = [];
afterEach(async () => {
  await clearModelCache();
  vi.unstubAllGlobals();
});
afterAll(() => {
  for (const close of closers) close();
});

/** The (in-process) ImageNet worker of the last labWithCat(). */
let call: ReturnType<typeof inProcessImagenet>["client"]["call"];
/** Live tensors in the (in-process) ImageNet worker. */
let tensors: () => Promise<number> = async () => 0;

/**
 * A chapter 1 store, its ImageNet worker started in-process, holding the cat as if it had
 * classified and attacked it.
 */
async function labWithCat() {
  const { store: lab, client, close } = inProcessImagenet();
  closers.push(close);
  call = client.call;
  tensors = async () => (await client.call("memory", null)).numTensors;
  await lab.getState().actions.start("cpu");
  const image = { ...lab.getState().image, status: "ready" as const, rgba: cat, size: SIZE };
  const top5 = [{ classIndex: EGYPTIAN_CAT, probability: 0.6 }];
  lab.setState({ image, original: { top5, top1: EGYPTIAN_CAT } });
  return lab;
}

/** A fake adversarial result: every channel moved by +-level grey levels (a checkerboard). */
function adversarial(level: number): AdversarialResult {
  const advRgba = cat.map((v, i) => ((i & 3) === 3 ? 255 : v + ((i >> 2) % 2 ? level : -level)));
  const top5 = [{ classIndex: 0, probability: 0.5 }];
  return { epsLevel: level, top5, top1: 0, advRgba, perturbRgba: advRgba, gain: 1 };
}

const until = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: 60_000, interval: 20 });

describe("the ImageNet transfer store", () => {
  it("loads Darknet on request, judges chapter 1's images, keeps up and leaks nothing", async () => {
    vi.stubGlobal("fetch", fixtureFetch());
    const lab = await labWithCat();
    const store = createImagenetTransferStore(lab);
    lab.setState({ adversarial: adversarial(8) });
    // Chapter 1's default story: PGD toward gibbon (368).
    expect(store.getState().attack?.key).toBe("pgd-t368-eps8");
    expect(store.getState().model.status).toBe("idle");

    await store.getState().actions.load();
    expect(store.getState().model).toMatchObject({ status: "ready", source: "network" });
    await until(() => store.getState().adversarial?.attack === store.getState().attack);
    expect(store.getState().clean?.top3[0].classIndex).toBe(EGYPTIAN_CAT);
    expect(store.getState().clean?.top3).toHaveLength(3);
    const before = await tensors();

    // Two quick changes: the result follows the latest.
    lab.setState({ adversarial: adversarial(2) });
    lab.setState({ adversarial: adversarial(4) });
    await until(() => store.getState().adversarial?.attack === store.getState().attack);
    expect(store.getState().adversarial?.attack.epsLevel).toBe(4);

    // A new image drops both results, then the clean one comes back.
    lab.setState({ image: { ...lab.getState().image, rgba: cat.slice() }, adversarial: null });
    expect(store.getState()).toMatchObject({ clean: null, adversarial: null, attack: null });
    await until(() => store.getState().clean?.rgba === lab.getState().image.rgba);
    expect(await tensors()).toBe(before);
  });

  it("keeps Darknet when chapter 1 re-plans: only a new worker (a new epoch) reloads it", async () => {
    vi.stubGlobal("fetch", fixtureFetch());
    const lab = await labWithCat();
    await call(
      "loadModel",
      { role: "attack", from: { catalog: "mobilenet_v1_025" } },
      { priority: "io" },
    );
    await call("adoptModel", { role: "attack" });
    await call("setImage", { rgba: cat, size: SIZE });
    const store = createImagenetTransferStore(lab);
    await store.getState().actions.load();
    const epoch = lab.getState().workerEpoch;
    lab.getState().actions.setInView(false); // no background sweep after the re-plan
    lab.getState().actions.updateSettings({ kind: "fgsm", targetClass: null });
    await until(() => lab.getState().adversarial !== null);
    expect(lab.getState().workerEpoch).toBe(epoch);
    expect(store.getState().model.status).toBe("ready");
  });

  it("a failed download says why and can be retried", async () => {
    vi.stubGlobal("fetch", async () => new Response("Not Found", { status: 404 }));
    const store = createImagenetTransferStore(await labWithCat());
    await store.getState().actions.load();
    expect(store.getState().model.status).toBe("error");
    expect(store.getState().model.error).toContain("404");

    vi.stubGlobal("fetch", fixtureFetch());
    await store.getState().actions.load();
    expect(store.getState().model.status).toBe("ready");
    await until(() => store.getState().clean !== null);
  });

  it("builds Darknet from the reader's files when there is no network", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const store = createImagenetTransferStore(await labWithCat());
    await store.getState().actions.load();
    expect(store.getState().model.status).toBe("error");
    await store.getState().actions.loadFiles(fixtureFiles("darknet_tiny"));
    expect(store.getState().model).toMatchObject({ status: "ready", source: "files", error: null });
    await until(() => store.getState().clean !== null);
    expect(store.getState().clean?.top3[0].classIndex).toBe(EGYPTIAN_CAT);
  });
});
