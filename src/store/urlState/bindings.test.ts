import { describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { createDefenceStore } from "../armsRace/defenceStore";
import { createSmoothingStore, MAX_ATTACK_RADIUS } from "../armsRace/smoothingStore";
import { createWordSwapStore } from "../armsRace/wordSwapStore";
import { type DigitsActions, type DigitsStore, initialDigitsState } from "../digits/digitsStore";
import { createLinearityStore } from "../digits/linearityStore";
import { createStepsStore } from "../digits/stepsStore";
import { createTransferStore } from "../digits/transferStore";
import { createLabStore } from "../labStore";
import { createTrainingStore } from "../training/trainingStore";
import { createVaeStore } from "../vae/vaeStore";
import { createZooStore } from "../zoo/zooStore";
import {
  applyUrlValues,
  appUrlStores,
  currentLink,
  readUrlValues,
  type UrlStores,
} from "./bindings";
import { parseUrlState, serializeUrlState, URL_SCHEMA, type UrlValues } from "./schema";

// The app's store modules read the page's address when they load.
vi.hoisted(() => {
  Object.assign(globalThis, { location: new URL("http://gibbon.test/") });
});

/** A digits store whose jobs never finish: the chapter stores' requests just wait. */
function idleDigits() {
  const actions: DigitsActions = {
    start: async () => undefined,
    retrain: async () => undefined,
    cancelTraining: () => undefined,
    restoreShipped: async () => undefined,
    compute: () => new Promise<never>(() => undefined),
  };
  return createStore<DigitsStore>()(() => ({ ...initialDigitsState(), actions }));
}

const noWorker = (): never => {
  throw new Error("no worker in these tests");
};

/** Real store instances, none of which starts a worker. */
function freshStores(): UrlStores {
  const digits = idleDigits();
  const lab = createLabStore({ makeClient: noWorker, wasmPath: "", pageUrl: "" });
  return {
    lab,
    linearity: createLinearityStore(digits),
    steps: createStepsStore(digits),
    transfer: createTransferStore(digits),
    training: createTrainingStore({
      makeClient: noWorker,
      backend: "cpu",
      digits: { source: () => new Promise(() => undefined), offer: () => undefined },
      wasmPath: "",
    }),
    vae: createVaeStore(digits, "http://gibbon.test/models/vae/"),
    smoothing: createSmoothingStore(digits, "http://gibbon.test/models/smoothing/"),
    defence: createDefenceStore(digits),
    wordSwap: createWordSwapStore(digits, "http://gibbon.test/data/sentences.tsv"),
    zoo: createZooStore(lab, digits),
  };
}

const DEFAULTS = Object.fromEntries(URL_SCHEMA.map((e) => [e.key, e.default])) as UrlValues;
const PAGE = { origin: "https://gibbon.example", pathname: "/explain/", hash: "#vae" };

describe("the link bindings", () => {
  it("read the schema's defaults from fresh stores: the defaults are the stores' own", () => {
    const stores = freshStores();
    expect(readUrlValues(stores)).toEqual(DEFAULTS);
    expect(currentLink(stores, PAGE)).toBe("https://gibbon.example/explain/#vae");
  });

  it("apply then read gives the same values, across the chapters", () => {
    const stores = freshStores();
    const wanted: Partial<UrlValues> = {
      model: "mobilenet_v2_100",
      atk: "fgsm",
      eps: 9,
      tgt: null,
      it: 25,
      rs: true,
      "l.from": 1,
      "l.to": 7,
      "l.model": "cnn",
      "l.eps": 51,
      "s.model": "cnn",
      "s.digit": 12,
      "s.eps": 40,
      "t.atk": "pgd",
      "t.eps": 64,
      "t.it": 20,
      "tr.model": "softmax",
      "tr.methods": ["pgd", "fast"],
      "tr.eps": 0.2,
      "tr.seed": 7,
      "tr.budget": 5,
      "v.kind": "vae2",
      "v.obj": "output",
      "v.digit": 99,
      "v.tgt": 6,
      "v.eps": 8,
      "v.beta": 4,
      "rs.kind": "sigma050",
      "rs.n0": 10,
      "rs.n": 1000,
      "rs.alpha": 0.01,
      "rs.digit": 31,
      "rs.r": 1.2,
      "d.levels": 2,
      "d.eps": 26,
      "d.n": 200,
      "ws.k": 1,
      "z.on": "mlp",
      "z.digit": 77,
      "z.atk": ["pgdL2", "cw", "jsma"],
    };
    applyUrlValues(wanted, stores);
    expect(readUrlValues(stores)).toEqual({ ...DEFAULTS, ...wanted });
    // And through a link: the same view.
    const link = currentLink(stores, PAGE);
    const query = new URL(link).search;
    const other = freshStores();
    applyUrlValues(parseUrlState(query).values, other);
    expect(readUrlValues(other)).toEqual(readUrlValues(stores));
  });

  it("ask for a photo or model only when it is not the one in the store", () => {
    const stores = freshStores();
    const { actions } = stores.lab.getState();
    const selectPhoto = vi.spyOn(actions, "selectPhoto").mockResolvedValue();
    const selectModel = vi.spyOn(actions, "selectModel").mockResolvedValue();
    applyUrlValues({ img: "panda", model: "mobilenet_v1_025" }, stores);
    expect(selectPhoto).not.toHaveBeenCalled();
    expect(selectModel).not.toHaveBeenCalled();
    applyUrlValues({ img: "cat", model: "darknet_tiny" }, stores);
    expect(selectPhoto).toHaveBeenCalledExactlyOnceWith("cat");
    expect(selectModel).toHaveBeenCalledExactlyOnceWith("darknet_tiny");
    stores.lab.setState({ image: { ...stores.lab.getState().image, id: "cat" } });
    applyUrlValues({ img: "cat" }, stores);
    expect(selectPhoto).toHaveBeenCalledTimes(1);
  });

  it("never put the reader's own photo or model in a link", () => {
    const stores = freshStores();
    const { image, model } = stores.lab.getState();
    stores.lab.setState({
      image: { ...image, id: "upload:holiday.jpg", caption: "holiday.jpg" },
      model: { ...model, id: "files", label: "my-model.json" },
    });
    stores.steps.getState().actions.useDrawing(new Float32Array(28 * 28).fill(1), 28);
    expect(readUrlValues(stores)).toMatchObject({ img: "panda", model: "mobilenet_v1_025" });
    expect(currentLink(stores, PAGE)).not.toMatch(/holiday|files|my-model|upload/);
  });

  it("tick the zoo's attacks for the subject's own domain", () => {
    const stores = freshStores();
    applyUrlValues({ "z.atk": ["jsma", "miFgsm"] }, stores); // no JSMA on photos
    expect(stores.zoo.getState().chosen.photo).toEqual(["miFgsm"]);
    applyUrlValues({ "z.on": "cnn", "z.atk": ["fgsm"] }, stores);
    expect(stores.zoo.getState().chosen.digits).toEqual(["fgsm"]);
    expect(readUrlValues(stores)["z.atk"]).toEqual(["fgsm"]);
  });

  it("keep hostile values out of the stores, from a link or from a direct call", () => {
    const stores = freshStores();
    const { values } = parseUrlState(
      "eps=1000000000&eps=NaN&it=99999&tgt=-3&l.from=-1&l.to=99&s.digit=-5&t.eps=500&t.it=0" +
        "&tr.seed=0&tr.eps=9&v.eps=999&v.tgt=12&rs.r=-1&rs.n=7&z.digit=1e9&z.atk=%3Cscript%3E",
    );
    applyUrlValues(values, stores);
    expect(readUrlValues(stores)).toMatchObject({
      eps: 32,
      it: 100,
      tgt: 0,
      "l.from": 0,
      "l.to": 9,
      "s.digit": 0,
      "t.eps": 77,
      "t.it": 1,
      "tr.seed": 1,
      "tr.eps": 77 / 255,
      "v.eps": 9,
      "v.tgt": 9,
      "rs.r": 0,
      "rs.n": DEFAULTS["rs.n"],
      "z.atk": DEFAULTS["z.atk"],
    });

    // The stores' own actions clamp or refuse what the UI would never send.
    const s = freshStores();
    const lab = s.lab.getState().actions;
    lab.setEpsLevel(1e9);
    lab.updateSettings({ steps: Number.NaN, targetClass: 5000 });
    expect(s.lab.getState().settings).toMatchObject({ epsLevel: 32, steps: 10, targetClass: 999 });
    lab.setEpsLevel(Number.NaN);
    lab.updateSettings({ steps: -4, targetClass: Number.POSITIVE_INFINITY });
    expect(s.lab.getState().settings).toMatchObject({ epsLevel: 32, steps: 1, targetClass: 999 });
    s.linearity.getState().actions.setPair(Number.NaN, 2);
    s.linearity.getState().actions.setSampleEps(-1e9);
    expect(s.linearity.getState()).toMatchObject({ pair: { from: 3, to: 8 }, sampleEpsLevel: 0 });
    s.steps.getState().actions.showTest(Number.NaN);
    expect(s.steps.getState().testIndex).toBe(0);
    s.transfer.getState().actions.setAttack({ epsLevel: Number.NaN, steps: 1e6 });
    expect(s.transfer.getState().attack).toEqual({ kind: "fgsm", epsLevel: 26, steps: 40 });
    const training = s.training.getState().actions;
    training.configure({ seed: 1e12, budgetEpochs: -1 });
    training.setSettings({ eps: Number.NaN });
    expect(s.training.getState().setup).toMatchObject({ seed: 9999, budgetEpochs: 2 });
    expect(s.training.getState().setup.settings.eps).toBe(0.1);
    const vae = s.vae.getState().actions;
    vae.setBeta(3);
    vae.setTarget({ class: 10 });
    vae.setSource(Number.NaN);
    expect(s.vae.getState()).toMatchObject({ beta: 1, target: { class: 3 }, sourceIndex: 0 });
    const smoothing = s.smoothing.getState().actions;
    smoothing.setN(7);
    smoothing.setN0(-1);
    smoothing.setAlpha(0.5);
    smoothing.setSource(0.5);
    smoothing.setAttackRadius(Number.NaN);
    expect(s.smoothing.getState()).toMatchObject({ n: 10_000, n0: 100, alpha: 0.001 });
    expect(s.smoothing.getState()).toMatchObject({ sourceIndex: 0, attackRadius: 0.5 });
    smoothing.setAttackRadius(99);
    expect(s.smoothing.getState().attackRadius).toBe(MAX_ATTACK_RADIUS);
    const defence = s.defence.getState().actions;
    defence.setLevels(3);
    defence.setEpsLevel(1e9);
    defence.setCount(-50);
    expect(s.defence.getState()).toMatchObject({ levels: 4, epsLevel: 51, count: 100 });
    s.wordSwap.getState().actions.setMaxSwaps(1e9);
    expect(s.wordSwap.getState().maxSwaps).toBe(2);
  });

  it("serialize only what differs from the defaults, and the app's singletons are all bound", () => {
    const stores = freshStores();
    stores.lab.getState().actions.setEpsLevel(8);
    stores.defence.getState().actions.setCount(500);
    expect(serializeUrlState(readUrlValues(stores))).toBe("eps=8&d.n=500");
    expect(currentLink(stores, { ...PAGE, hash: "" })).toBe(
      "https://gibbon.example/explain/?eps=8&d.n=500",
    );
    const app = appUrlStores();
    expect(Object.keys(app).sort()).toEqual(Object.keys(stores).sort());
    for (const store of Object.values(app)) expect(typeof store.getState).toBe("function");
  });
});
