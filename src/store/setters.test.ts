/**
 * Every store setter, fed what a view, an opened link or a test might pass by mistake, leaves
 * its store's state valid. Driven from one list; a setter missing from it fails the first test.
 */
import { describe, expect, it } from "vitest";
import type { StoreApi } from "zustand";
import { MAX_EPSILON_LEVELS } from "../engine/attacks/params";
import { ZOO, type ZooAttackId } from "../engine/attacks/zoo/registry";
import { DEFAULT_METHOD_SETTINGS } from "../engine/digits/adversarial/settings";
import { TRAINING_METHODS } from "../engine/digits/adversarial/types";
import { DIGIT_MODEL_KINDS } from "../engine/digits/digitModelKinds";
import { TEST_DIGITS } from "../engine/digits/testDigits";
import { SMOOTHING_KINDS } from "../engine/smoothing/recipes";
import { VAE_KINDS } from "../engine/vae/recipes";
import type { DigitsApi } from "../workers/digits/api";
import type { ImagenetApi } from "../workers/imagenet/api";
import type { Client } from "../workers/rpc/client";
import type { Api } from "../workers/rpc/protocol";
import type { TrainingApi } from "../workers/training/protocol";
import {
  createDefenceStore,
  DEFENCE_COUNTS,
  DEFENCE_EPS_LEVELS,
  DEFENCE_LEVELS,
} from "./armsRace/defenceStore";
import {
  ALPHA_CHOICES,
  CURVE_COUNTS,
  CURVE_N_CHOICES,
  createSmoothingStore,
  MAX_ATTACK_RADIUS,
  N_CHOICES,
  N0_CHOICES,
  SMOOTH_TRAIN_EPOCHS,
} from "./armsRace/smoothingStore";
import { createWordSwapStore, SWAP_CHOICES } from "./armsRace/wordSwapStore";
import { createDigitsStore } from "./digits/digitsStore";
import { createLinearityStore } from "./digits/linearityStore";
import { DIGIT_MAX_EPS_LEVEL } from "./digits/robustnessLevels";
import { createStepsStore, STEPS_MAX_LEVEL } from "./digits/stepsStore";
import { createTransferStore, MAX_TRANSFER_STEPS } from "./digits/transferStore";
import { createLabStore, MAX_PGD_STEPS } from "./labStore";
import { lectureStore } from "./lecture";
import {
  createTrainingStore,
  DEFAULT_SETUP,
  MAX_TRAINING_EPS,
  MAX_TRAINING_SEED,
} from "./training/trainingStore";
import { BETAS, createVaeStore, PATH_LEVELS, TABLE_COUNTS, TRAIN_EPOCHS } from "./vae/vaeStore";
import { BATCH_COUNTS, createZooStore } from "./zoo/zooStore";

/** A worker that never answers: setters may start jobs, and none of them ends here. */
const silent = <A extends Api>(): Client<A> => ({
  call: () => new Promise<never>(() => {}),
  failAll: () => undefined,
  ping: () => 0,
});
const neverDigits = { source: () => new Promise<never>(() => {}), offer: () => undefined };
const digits = () =>
  createDigitsStore({
    makeClient: () => silent<DigitsApi>(),
    backend: "cpu",
    digits: neverDigits,
    weightsUrl: "",
    wasmPath: "",
  });
const lab = () =>
  createLabStore({ makeClient: () => silent<ImagenetApi>(), wasmPath: "", pageUrl: "" });

const BAD: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -1e12,
  1e12,
  0.5,
  "7",
  null,
  undefined,
  {},
];

const int = (x: unknown, min: number, max: number) =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const inRange = (x: unknown, min: number, max: number) =>
  typeof x === "number" && x >= min && x <= max;
const among = (x: unknown, choices: readonly unknown[]) => choices.includes(x);

// biome-ignore lint/suspicious/noExplicitAny: the test calls setters with values of any type
type Loose = any;

interface StoreCase {
  name: string;
  make: () => StoreApi<Loose>;
  /** Every setter of the store, and how to feed it one bad value. */
  setters: Record<string, (actions: Loose, bad: unknown) => void>;
  /** The store's state is valid. */
  valid: (s: Loose) => boolean;
}

const plain = (name: string) => (a: Loose, x: unknown) => a[name](x);
const plainAll = (...names: string[]) => Object.fromEntries(names.map((n) => [n, plain(n)]));

const CASES: StoreCase[] = [
  {
    name: "lab (chapter 1)",
    make: lab,
    setters: {
      ...plainAll("setEpsLevel", "setInView"),
      updateSettings: (a, x) => {
        for (const key of ["kind", "epsLevel", "targetClass", "steps", "randomStart"])
          a.updateSettings({ [key]: x });
      },
      tellStory: plain("tellStory"),
    },
    valid: ({ settings: s }) =>
      among(s.kind, ["fgsm", "pgd"]) &&
      int(s.epsLevel, 0, MAX_EPSILON_LEVELS) &&
      int(s.steps, 1, MAX_PGD_STEPS) &&
      (s.targetClass === null || int(s.targetClass, 0, 999)) &&
      typeof s.randomStart === "boolean",
  },
  {
    name: "steps (chapter 2)",
    make: () => createStepsStore(digits()),
    setters: {
      ...plainAll("setModel", "setEpsLevel", "showTest"),
      chooseLabel: plain("chooseLabel"),
    },
    valid: (s) =>
      among(s.model, DIGIT_MODEL_KINDS) &&
      int(s.epsLevel, 0, STEPS_MAX_LEVEL) &&
      Number.isInteger(s.testIndex) &&
      (s.chosenLabel === null || int(s.chosenLabel, 0, 9)),
  },
  {
    name: "linearity (chapter 3)",
    make: () => createLinearityStore(digits()),
    setters: {
      setPair: (a, x) => {
        a.setPair(x, 3);
        a.setPair(3, x);
      },
      ...plainAll("setSampleModel", "setSampleEps"),
    },
    valid: (s) =>
      int(s.pair.from, 0, 9) &&
      int(s.pair.to, 0, 9) &&
      among(s.sampleModel, DIGIT_MODEL_KINDS) &&
      int(s.sampleEpsLevel, 0, DIGIT_MAX_EPS_LEVEL),
  },
  {
    name: "transfer (chapter 4)",
    make: () => createTransferStore(digits()),
    setters: {
      setAttack: (a, x) => {
        a.setAttack(x);
        for (const key of ["kind", "epsLevel", "steps"]) a.setAttack({ [key]: x });
      },
    },
    valid: ({ attack: t }) =>
      among(t.kind, ["fgsm", "pgd"]) &&
      int(t.epsLevel, 0, DIGIT_MAX_EPS_LEVEL) &&
      int(t.steps, 1, MAX_TRANSFER_STEPS),
  },
  {
    name: "training (chapters 5-6)",
    make: () =>
      createTrainingStore({
        makeClient: () => silent<TrainingApi>(),
        backend: "cpu",
        digits: neverDigits,
        wasmPath: "",
      }),
    setters: {
      setSettings: (a, x) => {
        a.setSettings(x);
        for (const key of Object.keys(DEFAULT_METHOD_SETTINGS)) a.setSettings({ [key]: x });
      },
      configure: (a, x) => {
        a.configure(x);
        for (const key of Object.keys(DEFAULT_SETUP)) a.configure({ [key]: x });
      },
      toggleMethod: (a, x) => a.toggleMethod(x, true),
    },
    valid: ({ setup: t }) => {
      const m = t.settings;
      return (
        Array.isArray(t.methods) &&
        t.methods.every((x: unknown) => among(x, TRAINING_METHODS)) &&
        among(t.kind, DIGIT_MODEL_KINDS) &&
        int(t.seed, 1, MAX_TRAINING_SEED) &&
        inRange(t.budgetEpochs, Number.MIN_VALUE, 10) &&
        int(t.evalSteps, 1, 100) &&
        int(t.evalDigits, 1, TEST_DIGITS) &&
        inRange(t.delayMs, 0, 2000) &&
        typeof t.compareEarlyStopping === "boolean" &&
        inRange(m.eps, 0, MAX_TRAINING_EPS) &&
        inRange(m.alpha, 0, 1) &&
        int(m.pgdSteps, 1, 20) &&
        int(m.replays, 1, 16) &&
        inRange(m.fastStepRatio, 0.25, 4) &&
        typeof m.fastRandomStart === "boolean" &&
        typeof m.earlyStopping === "boolean"
      );
    },
  },
  {
    name: "VAE (chapter 7)",
    make: () => createVaeStore(digits(), ""),
    setters: {
      ...plainAll(
        "setKind",
        "setObjective",
        "setSource",
        "setEpsIndex",
        "setTableCount",
        "setBeta",
        "setTrainEpochs",
      ),
      setTarget: (a, x) => {
        a.setTarget(x);
        a.setTarget({ class: x });
        a.setTarget({ test: x });
      },
    },
    valid: (s) =>
      among(s.kind, VAE_KINDS) &&
      among(s.objective, ["latent", "output"]) &&
      ("class" in s.target ? int(s.target.class, 0, 9) : int(s.target.test, 0, TEST_DIGITS - 1)) &&
      int(s.sourceIndex, 0, TEST_DIGITS - 1) &&
      int(s.epsIndex, 0, PATH_LEVELS.length - 1) &&
      among(s.tableCount, TABLE_COUNTS) &&
      among(s.beta, BETAS) &&
      among(s.trainEpochs, TRAIN_EPOCHS),
  },
  {
    name: "smoothing (chapter 8)",
    make: () => createSmoothingStore(digits(), ""),
    setters: plainAll(
      "setKind",
      "setN0",
      "setN",
      "setAlpha",
      "setSource",
      "setAttackRadius",
      "setCurveCount",
      "setCurveN",
      "setTrainEpochs",
    ),
    valid: (s) =>
      among(s.kind, SMOOTHING_KINDS) &&
      among(s.n0, N0_CHOICES) &&
      among(s.n, N_CHOICES) &&
      among(s.alpha, ALPHA_CHOICES) &&
      int(s.sourceIndex, 0, TEST_DIGITS - 1) &&
      inRange(s.attackRadius, 0, MAX_ATTACK_RADIUS) &&
      among(s.curveCount, CURVE_COUNTS) &&
      among(s.curveN, CURVE_N_CHOICES) &&
      among(s.trainEpochs, SMOOTH_TRAIN_EPOCHS),
  },
  {
    name: "defences (chapter 8)",
    make: () => createDefenceStore(digits()),
    setters: plainAll("setLevels", "setEpsLevel", "setCount"),
    valid: (s) =>
      among(s.levels, DEFENCE_LEVELS) &&
      among(s.epsLevel, DEFENCE_EPS_LEVELS) &&
      among(s.count, DEFENCE_COUNTS),
  },
  {
    name: "word swaps (chapter 8)",
    make: () => createWordSwapStore(digits(), ""),
    setters: plainAll("setSentence", "setMaxSwaps"),
    valid: (s) => typeof s.sentence === "string" && among(s.maxSwaps, SWAP_CHOICES),
  },
  {
    name: "attack zoo",
    make: () => createZooStore(lab(), digits()),
    setters: {
      ...plainAll("setSubject", "setDigitIndex", "setBatchCount"),
      setParam: (a, x) => {
        a.setParam("pgd", "eps", x);
        a.setParam("pgd", "steps", x);
        a.setParam("pgd", "toString", 0.1);
        a.setParam(x, "eps", 0.1);
      },
      toggle: (a, x) => a.toggle(x, true),
    },
    valid: (s) =>
      among(s.subject, ["photo", ...DIGIT_MODEL_KINDS]) &&
      int(s.digitIndex, 0, TEST_DIGITS - 1) &&
      among(s.batchCount, BATCH_COUNTS) &&
      Object.values(s.chosen).every((ids) =>
        (ids as string[]).every((id) => Object.hasOwn(ZOO, id)),
      ) &&
      Object.values(s.edits).every((byId) =>
        Object.entries(byId as Record<ZooAttackId, Record<string, number>>).every(([id, params]) =>
          Object.entries(params).every(([key, v]) => {
            const spec = ZOO[id as ZooAttackId].params[key];
            return (
              Object.hasOwn(ZOO[id as ZooAttackId].params, key) && inRange(v, spec.min, spec.max)
            );
          }),
        ),
      ),
  },
  {
    name: "lecture mode",
    make: () => lectureStore,
    setters: plainAll("setCheatSheet"),
    valid: (s) => typeof s.cheatSheet === "boolean",
  },
];

describe("every store setter", () => {
  it.each(CASES)("the list names every setter of $name", ({ make, setters }) => {
    const store = make();
    const actions = store.getState().actions ?? store.getState();
    const named = Object.keys(actions).filter((k) => /^set[A-Z]/.test(k));
    expect(Object.keys(setters)).toEqual(expect.arrayContaining(named));
  });

  it.each(CASES)(
    "$name: state stays valid after NaN, infinities, negatives, huge values and wrong types",
    ({ make, setters, valid }) => {
      const store = make();
      expect(valid(store.getState())).toBe(true);
      const actions = store.getState().actions ?? store.getState();
      for (const [name, feed] of Object.entries(setters))
        for (const bad of BAD) {
          feed(actions, bad);
          expect(valid(store.getState()), `${name}(${String(bad)})`).toBe(true);
        }
    },
  );
});
