/**
 * The link schema connected to the app's stores: one binding per key, reading its value from the
 * stores and applying a value through the stores' own actions (which validate it again).
 */
import type { StoreApi } from "zustand";
import { zooIds } from "../../engine/attacks/zoo/registry";
import { TRAINING_METHODS } from "../../engine/digits/adversarial/types";
import { labStore } from "..";
import { defenceStore, smoothingStore, wordSwapStore } from "../armsRace";
import type { DefenceStore } from "../armsRace/defenceStore";
import type { SmoothingStore } from "../armsRace/smoothingStore";
import type { WordSwapStore } from "../armsRace/wordSwapStore";
import { linearityStore } from "../digits/linearity";
import type { LinearityStore } from "../digits/linearityStore";
import { stepsStore } from "../digits/steps";
import type { StepsStore } from "../digits/stepsStore";
import { transferStore } from "../digits/transfer";
import type { TransferStore } from "../digits/transferStore";
import type { LabStore } from "../labStore";
import { trainingStore } from "../training";
import type { TrainingStore } from "../training/trainingStore";
import { vaeStore } from "../vae";
import type { VaeStore } from "../vae/vaeStore";
import { zooStore } from "../zoo";
import { domainOf, type ZooStore } from "../zoo/zooStore";
import {
  type Field,
  formatValue,
  serializeUrlState,
  URL_SCHEMA,
  type UrlKey,
  type UrlValues,
} from "./schema";

/** The stores a link's settings live in. */
export interface UrlStores {
  lab: StoreApi<LabStore>;
  linearity: StoreApi<LinearityStore>;
  steps: StoreApi<StepsStore>;
  transfer: StoreApi<TransferStore>;
  training: StoreApi<TrainingStore>;
  vae: StoreApi<VaeStore>;
  smoothing: StoreApi<SmoothingStore>;
  defence: StoreApi<DefenceStore>;
  wordSwap: StoreApi<WordSwapStore>;
  zoo: StoreApi<ZooStore>;
}

/** The app's own stores. */
export function appUrlStores(): UrlStores {
  return {
    lab: labStore,
    linearity: linearityStore,
    steps: stepsStore,
    transfer: transferStore,
    training: trainingStore,
    vae: vaeStore,
    smoothing: smoothingStore,
    defence: defenceStore,
    wordSwap: wordSwapStore,
    zoo: zooStore,
  };
}

interface Binding<K extends UrlKey> {
  read(stores: UrlStores): UrlValues[K];
  apply(value: UrlValues[K], stores: UrlStores): void;
}

const DEFAULTS = Object.fromEntries(URL_SCHEMA.map((e) => [e.key, e.default])) as UrlValues;
const FIELDS: ReadonlyMap<string, Field> = new Map(URL_SCHEMA.map((e) => [e.key, e.field]));

/** `id` if it names a built-in photo or model, else the default: a reader's own never goes in a link. */
function builtIn<K extends "img" | "model">(key: K, id: string): UrlValues[K] {
  const field = FIELDS.get(key);
  return field?.kind === "enum" && field.values.includes(id) ? id : DEFAULTS[key];
}

const lab = (s: UrlStores) => s.lab.getState();
const labSettings = (s: UrlStores) => s.lab.getState().settings;
const transferAttack = (s: UrlStores) => s.transfer.getState().attack;
const setup = (s: UrlStores) => s.training.getState().setup;

const BINDINGS: { [K in UrlKey]: Binding<K> } = {
  img: {
    read: (s) => builtIn("img", lab(s).image.id),
    apply: (id, s) => void lab(s).actions.selectPhoto(id),
  },
  model: {
    read: (s) => builtIn("model", lab(s).model.id),
    apply: (id, s) => void lab(s).actions.selectModel(id),
  },
  atk: {
    read: (s) => labSettings(s).kind,
    apply: (kind, s) => lab(s).actions.updateSettings({ kind }),
  },
  eps: {
    read: (s) => labSettings(s).epsLevel,
    apply: (level, s) => lab(s).actions.setEpsLevel(level),
  },
  tgt: {
    read: (s) => labSettings(s).targetClass,
    apply: (targetClass, s) => lab(s).actions.updateSettings({ targetClass }),
  },
  it: {
    read: (s) => labSettings(s).steps,
    apply: (steps, s) => lab(s).actions.updateSettings({ steps }),
  },
  rs: {
    read: (s) => labSettings(s).randomStart,
    apply: (randomStart, s) => lab(s).actions.updateSettings({ randomStart }),
  },
  "l.from": {
    read: (s) => s.linearity.getState().pair.from,
    apply: (from, s) =>
      s.linearity.getState().actions.setPair(from, s.linearity.getState().pair.to),
  },
  "l.to": {
    read: (s) => s.linearity.getState().pair.to,
    apply: (to, s) => s.linearity.getState().actions.setPair(s.linearity.getState().pair.from, to),
  },
  "l.model": {
    read: (s) => s.linearity.getState().sampleModel,
    apply: (kind, s) => s.linearity.getState().actions.setSampleModel(kind),
  },
  "l.eps": {
    read: (s) => s.linearity.getState().sampleEpsLevel,
    apply: (level, s) => s.linearity.getState().actions.setSampleEps(level),
  },
  "s.model": {
    read: (s) => s.steps.getState().model,
    apply: (kind, s) => s.steps.getState().actions.setModel(kind),
  },
  // A drawing never goes in a link: the test digit it replaced does.
  "s.digit": {
    read: (s) => s.steps.getState().testIndex,
    apply: (index, s) => s.steps.getState().actions.showTest(index),
  },
  "s.eps": {
    read: (s) => s.steps.getState().epsLevel,
    apply: (level, s) => s.steps.getState().actions.setEpsLevel(level),
  },
  "t.atk": {
    read: (s) => transferAttack(s).kind,
    apply: (kind, s) => s.transfer.getState().actions.setAttack({ kind }),
  },
  "t.eps": {
    read: (s) => transferAttack(s).epsLevel,
    apply: (epsLevel, s) => s.transfer.getState().actions.setAttack({ epsLevel }),
  },
  "t.it": {
    read: (s) => transferAttack(s).steps,
    apply: (steps, s) => s.transfer.getState().actions.setAttack({ steps }),
  },
  "tr.model": {
    read: (s) => setup(s).kind,
    apply: (kind, s) => s.training.getState().actions.configure({ kind }),
  },
  "tr.methods": {
    read: (s) => TRAINING_METHODS.filter((m) => setup(s).methods.includes(m)),
    apply: (methods, s) => {
      const { toggleMethod } = s.training.getState().actions;
      for (const m of TRAINING_METHODS) toggleMethod(m, methods.includes(m));
    },
  },
  "tr.eps": {
    read: (s) => setup(s).settings.eps,
    apply: (eps, s) => s.training.getState().actions.setSettings({ eps }),
  },
  "tr.seed": {
    read: (s) => setup(s).seed,
    apply: (seed, s) => s.training.getState().actions.configure({ seed }),
  },
  "tr.budget": {
    read: (s) => setup(s).budgetEpochs,
    apply: (budgetEpochs, s) => s.training.getState().actions.configure({ budgetEpochs }),
  },
  "v.kind": {
    read: (s) => s.vae.getState().kind,
    apply: (kind, s) => s.vae.getState().actions.setKind(kind),
  },
  "v.obj": {
    read: (s) => s.vae.getState().objective,
    apply: (objective, s) => s.vae.getState().actions.setObjective(objective),
  },
  // A drawing never goes in a link: the test digit it replaced does.
  "v.digit": {
    read: (s) => s.vae.getState().sourceIndex,
    apply: (index, s) => s.vae.getState().actions.setSource(index),
  },
  // A test digit as the target has no key: the link keeps the default class instead.
  "v.tgt": {
    read: (s) => {
      const target = s.vae.getState().target;
      return "class" in target ? target.class : DEFAULTS["v.tgt"];
    },
    apply: (k, s) => s.vae.getState().actions.setTarget({ class: k }),
  },
  "v.eps": {
    read: (s) => s.vae.getState().epsIndex,
    apply: (index, s) => s.vae.getState().actions.setEpsIndex(index),
  },
  "v.beta": {
    read: (s) => s.vae.getState().beta,
    apply: (beta, s) => s.vae.getState().actions.setBeta(beta),
  },
  "rs.kind": {
    read: (s) => s.smoothing.getState().kind,
    apply: (kind, s) => s.smoothing.getState().actions.setKind(kind),
  },
  "rs.n0": {
    read: (s) => s.smoothing.getState().n0,
    apply: (n0, s) => s.smoothing.getState().actions.setN0(n0),
  },
  "rs.n": {
    read: (s) => s.smoothing.getState().n,
    apply: (n, s) => s.smoothing.getState().actions.setN(n),
  },
  "rs.alpha": {
    read: (s) => s.smoothing.getState().alpha,
    apply: (alpha, s) => s.smoothing.getState().actions.setAlpha(alpha),
  },
  "rs.digit": {
    read: (s) => s.smoothing.getState().sourceIndex,
    apply: (index, s) => s.smoothing.getState().actions.setSource(index),
  },
  "rs.r": {
    read: (s) => s.smoothing.getState().attackRadius,
    apply: (radius, s) => s.smoothing.getState().actions.setAttackRadius(radius),
  },
  "d.levels": {
    read: (s) => s.defence.getState().levels,
    apply: (levels, s) => s.defence.getState().actions.setLevels(levels),
  },
  "d.eps": {
    read: (s) => s.defence.getState().epsLevel,
    apply: (level, s) => s.defence.getState().actions.setEpsLevel(level),
  },
  "d.n": {
    read: (s) => s.defence.getState().count,
    apply: (count, s) => s.defence.getState().actions.setCount(count),
  },
  "ws.k": {
    read: (s) => s.wordSwap.getState().maxSwaps,
    apply: (k, s) => s.wordSwap.getState().actions.setMaxSwaps(k),
  },
  "z.on": {
    read: (s) => s.zoo.getState().subject,
    apply: (subject, s) => s.zoo.getState().actions.setSubject(subject),
  },
  "z.digit": {
    read: (s) => s.zoo.getState().digitIndex,
    apply: (index, s) => s.zoo.getState().actions.setDigitIndex(index),
  },
  // The attacks ticked for the subject's domain (z.on is applied first: the table's order).
  "z.atk": {
    read: (s) => {
      const { chosen, subject } = s.zoo.getState();
      const domain = domainOf(subject);
      return zooIds(domain).filter((id) => chosen[domain].includes(id));
    },
    apply: (ids, s) => {
      const { subject, actions } = s.zoo.getState();
      for (const id of zooIds(domainOf(subject))) actions.toggle(id, ids.includes(id));
    },
  },
};

/** The value of every key, from the stores. */
export function readUrlValues(stores: UrlStores): UrlValues {
  return Object.fromEntries(
    URL_SCHEMA.map(({ key }) => [key, BINDINGS[key].read(stores)]),
  ) as UrlValues;
}

/** Applies one key's value unless the stores already hold it (no needless recomputation). */
function applyOne<K extends UrlKey>(key: K, value: UrlValues[K], stores: UrlStores): void {
  const binding = BINDINGS[key];
  const field = FIELDS.get(key);
  if (field && formatValue(field, binding.read(stores)) === formatValue(field, value)) return;
  binding.apply(value, stores);
}

/**
 * Puts `values` (from parseUrlState) into the stores, in the table's order, through their own
 * actions. Safe before or after chapter 1's init: a photo or model is asked for only when it is
 * not the one in the store already.
 */
export function applyUrlValues(values: Partial<UrlValues>, stores: UrlStores): void {
  for (const { key } of URL_SCHEMA) {
    const value = values[key];
    if (value !== undefined) applyOne(key, value, stores);
  }
}

/** The address of the view on screen: the page, the settings that differ from the defaults, its hash. */
export function currentLink(
  stores: UrlStores,
  location: Pick<Location, "origin" | "pathname" | "hash">,
): string {
  const query = serializeUrlState(readUrlValues(stores));
  return `${location.origin}${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
}
