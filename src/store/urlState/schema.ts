/**
 * The shareable state of the page: one table of query keys with their types, defaults and limits
 * (like TensorFlow Playground's PROPS), a defensive parser and a serializer. Plain data: defaults
 * and limits come from the engine's and the stores' own constants (the store modules, never the
 * app's store instances). A reader's own photo, drawing or model has no key.
 */
import type { AttackKind } from "../../engine/attackLab";
import { MAX_EPSILON_LEVELS } from "../../engine/attacks/params";
import { ZOO_IDS } from "../../engine/attacks/zoo/registry";
import { TRAINING_METHODS } from "../../engine/digits/adversarial/types";
import { DIGIT_MODEL_KINDS } from "../../engine/digits/digitModelKinds";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import { IMAGENET_MODELS } from "../../engine/models/catalog";
import { NUM_IMAGENET_CLASSES } from "../../engine/models/classNames";
import { SMOOTHING_KINDS } from "../../engine/smoothing/recipes";
import type { LatentObjective } from "../../engine/vae/latentAttack";
import { VAE_KINDS } from "../../engine/vae/recipes";
import {
  DEFENCE_COUNTS,
  DEFENCE_EPS_LEVELS,
  DEFENCE_LEVELS,
  initialDefenceState,
} from "../armsRace/defenceStore";
import {
  ALPHA_CHOICES,
  initialSmoothingState,
  MAX_ATTACK_RADIUS,
  N_CHOICES,
  N0_CHOICES,
} from "../armsRace/smoothingStore";
import { initialWordSwapState, SWAP_CHOICES } from "../armsRace/wordSwapStore";
import { initialLinearityState } from "../digits/linearityStore";
import { DIGIT_CLASS_COUNT, DIGIT_MAX_EPS_LEVEL } from "../digits/robustnessLevels";
import { initialStepsState, STEPS_MAX_LEVEL } from "../digits/stepsStore";
import { initialTransferState, MAX_TRANSFER_STEPS } from "../digits/transferStore";
import { GALLERY } from "../gallery";
import { initialLabState, MAX_PGD_STEPS } from "../labStore";
import {
  DEFAULT_SETUP,
  MAX_TRAINING_EPS,
  MAX_TRAINING_SEED,
  TRAINING_BUDGETS,
} from "../training/trainingStore";
import { BETAS, initialVaeState, PATH_LEVELS } from "../vae/vaeStore";
import { initialZooState, type ZooSubject } from "../zoo/zooStore";

// ---------------------------------------------------------------------------------------------
// Fields

export interface IntField {
  readonly kind: "int";
  readonly min: number;
  readonly max: number;
}
export interface NumberField {
  readonly kind: "number";
  readonly min: number;
  readonly max: number;
}
/** One of `values`, matched case-insensitively (numbers by their shortest decimal text). */
export interface EnumField<T extends string | number = string | number> {
  readonly kind: "enum";
  readonly values: readonly T[];
}
export interface BoolField {
  readonly kind: "bool";
}
/** A comma-separated subset of `values`, kept in their order, without repeats. */
export interface ListField<T extends string = string> {
  readonly kind: "list";
  readonly values: readonly T[];
}
/** An ImageNet class index, or "none" (null: untargeted). */
export interface ClassField {
  readonly kind: "class";
}
export type Field = IntField | NumberField | EnumField | BoolField | ListField | ClassField;

type Widen<T> = T extends number ? number : T;
/** The value a field holds once parsed. */
export type FieldValue<F extends Field> =
  F extends EnumField<infer T>
    ? Widen<T>
    : F extends ListField<infer T>
      ? T[]
      : F extends BoolField
        ? boolean
        : F extends ClassField
          ? number | null
          : number;
export type UrlValue = FieldValue<Field>;

export type UrlChapter =
  | "prank"
  | "linearity"
  | "fgsm-steps"
  | "transfer"
  | "training"
  | "vae"
  | "arms-race"
  | "zoo";

export interface UrlEntry<K extends string = string, F extends Field = Field> {
  readonly key: K;
  readonly chapter: UrlChapter;
  /** What the key sets, for people reading the table. */
  readonly what: string;
  readonly field: F;
  readonly default: FieldValue<F>;
}

const int = (min: number, max: number): IntField => ({ kind: "int", min, max });
const num = (min: number, max: number): NumberField => ({ kind: "number", min, max });
const oneOf = <T extends string | number>(values: readonly T[]): EnumField<T> => ({
  kind: "enum",
  values,
});
const listOf = <T extends string>(values: readonly T[]): ListField<T> => ({ kind: "list", values });
const bool: BoolField = { kind: "bool" };
const imagenetClass: ClassField = { kind: "class" };

/** The entries of one chapter: `key`, what it sets, its field and its default. */
const chapter =
  (name: UrlChapter) =>
  <K extends string, F extends Field>(
    key: K,
    what: string,
    field: F,
    byDefault: FieldValue<F>,
  ): UrlEntry<K, F> => ({ key, chapter: name, what, field, default: byDefault });

const prankKey = chapter("prank");
const linearityKey = chapter("linearity");
const stepsKey = chapter("fgsm-steps");
const transferKey = chapter("transfer");
const trainingKey = chapter("training");
const vaeKey = chapter("vae");
const armsRaceKey = chapter("arms-race");
const zooKey = chapter("zoo");

/** Every member of a string union, checked exhaustive by the compiler. */
const members = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];

const ATTACK_KINDS = members<AttackKind>({ fgsm: true, pgd: true });
const OBJECTIVES = members<LatentObjective>({ latent: true, output: true });
const ZOO_SUBJECTS: readonly ZooSubject[] = ["photo", ...DIGIT_MODEL_KINDS];
/** Test digits of the fixed 8,000 / 2,000 split (every digit chapter indexes the same ones). */
const digitIndex = int(0, TEST_DIGITS - 1);
const digitClass = int(0, DIGIT_CLASS_COUNT - 1);

const lab = initialLabState();
const linearity = initialLinearityState();
const steps = initialStepsState();
const transfer = initialTransferState();
const vae = initialVaeState();
const smoothing = initialSmoothingState();
const defence = initialDefenceState();
const zoo = initialZooState();

// ---------------------------------------------------------------------------------------------
// The table

export const URL_SCHEMA = [
  // 1. The prank
  prankKey("img", "gallery photo", oneOf(GALLERY.map((p) => p.id)), GALLERY[0].id),
  prankKey("model", "ImageNet model", oneOf(IMAGENET_MODELS.map((m) => m.id)), lab.model.id),
  prankKey("atk", "attack (FGSM or PGD)", oneOf(ATTACK_KINDS), lab.settings.kind),
  prankKey("eps", "epsilon, in grey levels", int(0, MAX_EPSILON_LEVELS), lab.settings.epsLevel),
  prankKey("tgt", "target class, or none", imagenetClass, lab.settings.targetClass),
  prankKey("it", "PGD steps", int(1, MAX_PGD_STEPS), lab.settings.steps),
  prankKey("rs", "PGD random start", bool, lab.settings.randomStart),
  // 2. Linearity
  linearityKey("l.from", "digit turned", digitClass, linearity.pair.from),
  linearityKey("l.to", "digit it is turned into", digitClass, linearity.pair.to),
  linearityKey("l.model", "model of the samples", oneOf(DIGIT_MODEL_KINDS), linearity.sampleModel),
  linearityKey("l.eps", "sample epsilon", int(0, DIGIT_MAX_EPS_LEVEL), linearity.sampleEpsLevel),
  // 3. FGSM, step by step
  stepsKey("s.model", "digit model", oneOf(DIGIT_MODEL_KINDS), steps.model),
  stepsKey("s.digit", "test digit", digitIndex, steps.testIndex),
  stepsKey("s.eps", "epsilon, in grey levels", int(0, STEPS_MAX_LEVEL), steps.epsLevel),
  // 4. Transferability
  transferKey("t.atk", "matrix attack", oneOf(ATTACK_KINDS), transfer.attack.kind),
  transferKey("t.eps", "matrix epsilon", int(0, DIGIT_MAX_EPS_LEVEL), transfer.attack.epsLevel),
  transferKey("t.it", "matrix PGD steps", int(1, MAX_TRANSFER_STEPS), transfer.attack.steps),
  // 5-6. Adversarial training
  trainingKey("tr.model", "model to train", oneOf(DIGIT_MODEL_KINDS), DEFAULT_SETUP.kind),
  trainingKey("tr.methods", "training methods", listOf(TRAINING_METHODS), DEFAULT_SETUP.methods),
  trainingKey("tr.eps", "epsilon", num(0, MAX_TRAINING_EPS), DEFAULT_SETUP.settings.eps),
  trainingKey("tr.seed", "seed", int(1, MAX_TRAINING_SEED), DEFAULT_SETUP.seed),
  trainingKey("tr.budget", "budget (epochs)", oneOf(TRAINING_BUDGETS), DEFAULT_SETUP.budgetEpochs),
  // 7. The VAE connection
  vaeKey("v.kind", "VAE", oneOf(VAE_KINDS), vae.kind),
  vaeKey("v.obj", "pull toward the target's code or image", oneOf(OBJECTIVES), vae.objective),
  vaeKey("v.digit", "attacked test digit", digitIndex, vae.sourceIndex),
  vaeKey("v.tgt", "target class", digitClass, "class" in vae.target ? vae.target.class : 0),
  vaeKey("v.eps", "epsilon (index of the levels)", int(0, PATH_LEVELS.length - 1), vae.epsIndex),
  vaeKey("v.beta", "KL weight of a retraining", oneOf(BETAS), vae.beta),
  // 8. The arms race
  armsRaceKey("rs.kind", "noise level", oneOf(SMOOTHING_KINDS), smoothing.kind),
  armsRaceKey("rs.n0", "selection samples", oneOf(N0_CHOICES), smoothing.n0),
  armsRaceKey("rs.n", "estimation samples", oneOf(N_CHOICES), smoothing.n),
  armsRaceKey("rs.alpha", "failure probability", oneOf(ALPHA_CHOICES), smoothing.alpha),
  armsRaceKey("rs.digit", "certified test digit", digitIndex, smoothing.sourceIndex),
  armsRaceKey("rs.r", "attack radius (L2)", num(0, MAX_ATTACK_RADIUS), smoothing.attackRadius),
  armsRaceKey("d.levels", "grey values kept", oneOf(DEFENCE_LEVELS), defence.levels),
  armsRaceKey("d.eps", "defence epsilon", oneOf(DEFENCE_EPS_LEVELS), defence.epsLevel),
  armsRaceKey("d.n", "test digits measured", oneOf(DEFENCE_COUNTS), defence.count),
  armsRaceKey("ws.k", "most words swapped", oneOf(SWAP_CHOICES), initialWordSwapState().maxSwaps),
  // The attack zoo
  zooKey("z.on", "photo or digit model", oneOf(ZOO_SUBJECTS), zoo.subject),
  zooKey("z.digit", "test digit", digitIndex, zoo.digitIndex),
  zooKey("z.atk", "attacks ticked (for the subject)", listOf(ZOO_IDS), zoo.chosen.photo),
] as const;

type Entries = (typeof URL_SCHEMA)[number];
export type UrlKey = Entries["key"];
export type UrlValues = { [E in Entries as E["key"]]: E["default"] };

const TABLE: readonly UrlEntry[] = URL_SCHEMA;
const BY_KEY = new Map(TABLE.map((e) => [e.key, e]));
/** Keys the page reads elsewhere (preferredBackend, tfjs' debug flags): passed over silently. */
const OTHER_KEYS = new Set(["backend", "tfjsflags"]);

/** Limits of what a link may hold. */
export const URL_LIMITS = { query: 4000, value: 200, shown: 40 } as const;

// ---------------------------------------------------------------------------------------------
// Values as text

/** The text of a value in a link: lists in their field's order, booleans 1/0, null "none". */
export function formatValue(field: Field, value: UrlValue): string {
  if (Array.isArray(value)) {
    const order: readonly string[] = field.kind === "list" ? field.values : value;
    return order.filter((v) => value.includes(v)).join(",");
  }
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

type Parsed = { value: UrlValue; clamped?: boolean; note?: string } | { why: string };

const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const BOOLS = new Map([
  ["1", true],
  ["true", true],
  ["0", false],
  ["false", false],
]);

/** Code points a reported name never shows: control characters, zero-widths, bidi controls. */
const hidden = (c: number) =>
  c < 0x20 ||
  (c >= 0x7f && c <= 0x9f) ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069);

/** `text` as a report may quote it: plain characters only, at most URL_LIMITS.shown of them. */
export function shown(text: string): string {
  const chars = Array.from(text).filter((ch) => !hidden(ch.codePointAt(0) ?? 0));
  const max = URL_LIMITS.shown;
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}
const quoted = (text: string) => `"${shown(text)}"`;

/** A number of `pattern`'s form, clamped into [min, max]. */
function numberIn(
  range: IntField | NumberField,
  text: string,
  pattern: RegExp,
  what: string,
): Parsed {
  const n = pattern.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) return { why: `${quoted(text)} is not ${what}` };
  const value = Math.max(range.min, Math.min(range.max, n)) + 0; // + 0: no -0
  return { value, clamped: value !== n };
}

/** The member of `values` that `text` names, case aside. */
function match<T extends string | number>(values: readonly T[], text: string): T | undefined {
  const wanted = text.toLowerCase();
  return values.find((v) => String(v).toLowerCase() === wanted);
}

function parseEnum(field: EnumField, text: string): Parsed {
  const value = match(field.values, text);
  if (value !== undefined) return { value };
  const choices = field.values.join(", ");
  return { why: `${quoted(text)} is not one of ${choices.length <= 60 ? choices : "its choices"}` };
}

function parseList(field: ListField, text: string): Parsed {
  const items = text === "" ? [] : text.split(",");
  const known = new Set(items.map((item) => match(field.values, item)));
  const unknown = items.filter((item) => match(field.values, item) === undefined);
  const value = field.values.filter((v) => known.has(v));
  if (value.length === 0 && unknown.length > 0) return { why: `no known item in ${quoted(text)}` };
  const names = unknown.slice(0, 3).map(quoted).join(", ");
  const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : "";
  return { value, note: unknown.length > 0 ? `unknown ${names}${more} left out` : undefined };
}

function parseValue(field: Field, text: string): Parsed {
  switch (field.kind) {
    case "int":
      return numberIn(field, text, WHOLE, "a whole number");
    case "number":
      return numberIn(field, text, DECIMAL, "a number");
    case "enum":
      return parseEnum(field, text);
    case "bool": {
      const value = BOOLS.get(text.toLowerCase());
      return value === undefined ? { why: `${quoted(text)} is not 1 or 0` } : { value };
    }
    case "list":
      return parseList(field, text);
    case "class":
      if (text.toLowerCase() === "none") return { value: null };
      return numberIn(
        { kind: "int", min: 0, max: NUM_IMAGENET_CLASSES - 1 },
        text,
        WHOLE,
        'a class number or "none"',
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and serializing a query

export interface ParsedUrlState {
  values: Partial<UrlValues>;
  /** Short plain-text phrases naming what was not used, for one notice. */
  ignored: string[];
}

/** `text` with "+" as a space, %-decoded; null if its escapes are broken. */
function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/** The query's key=value parts, read up to URL_LIMITS.query characters (whole parts only). */
function partsOf(search: string, ignored: string[]): string[] {
  let query = search.startsWith("?") ? search.slice(1) : search;
  const max = URL_LIMITS.query;
  if (query.length > max) {
    ignored.push(`the link is too long: only its first ${max} characters were read`);
    const cut = query.slice(0, max);
    query = query[max] === "&" ? cut : cut.slice(0, cut.lastIndexOf("&") + 1);
  }
  return query.split("&").filter((part) => part !== "");
}

type PartRead = { key: string; value: UrlValue; notes: string[] } | string | null;

/** One key=value part: its key, value and notes, or why it was not used (null: not ours). */
function readPart(part: string, seen: Set<string>): PartRead {
  const eq = part.indexOf("=");
  const key = decode(eq < 0 ? part : part.slice(0, eq));
  const raw = eq < 0 ? "" : part.slice(eq + 1);
  if (key === null) return `broken %-encoding in ${quoted(part)}`;
  const entry = BY_KEY.get(key);
  if (!entry) return OTHER_KEYS.has(key) ? null : `unknown key ${quoted(key)}`;
  if (seen.has(key)) return `duplicate key "${key}" (the first one was used)`;
  seen.add(key);
  if (raw.length > URL_LIMITS.value) return `${key}: value too long (${raw.length} characters)`;
  const text = decode(raw);
  if (text === null) return `${key}: broken %-encoding`;
  const parsed = parseValue(entry.field, text);
  if ("why" in parsed) return `${key}: ${parsed.why}`;
  const notes = [
    ...(parsed.clamped ? [`${key} (clamped to ${String(parsed.value)})`] : []),
    ...(parsed.note ? [`${key}: ${parsed.note}`] : []),
  ];
  return { key, value: parsed.value, notes };
}

/**
 * The settings a query string asks for, validated and clamped to the page's limits, and what
 * was not used. Never throws; the input comes back only as validated values and as short
 * plain-text quotes in `ignored`.
 */
export function parseUrlState(search: string): ParsedUrlState {
  const values: Record<string, UrlValue> = {};
  const ignored: string[] = [];
  const seen = new Set<string>();
  try {
    for (const part of partsOf(typeof search === "string" ? search : "", ignored)) {
      const read = readPart(part, seen);
      if (typeof read === "string") ignored.push(read);
      else if (read) {
        values[read.key] = read.value;
        ignored.push(...read.notes);
      }
    }
  } catch {
    ignored.push("the rest of the link could not be read");
  }
  return { values: values as Partial<UrlValues>, ignored };
}

/**
 * The query string ("" or "a=1&b=2", no "?") holding the values that differ from the defaults,
 * in the table's order.
 */
export function serializeUrlState(values: Partial<UrlValues>): string {
  const given: Partial<Record<string, UrlValue>> = values;
  const params = new URLSearchParams();
  for (const { key, field, default: byDefault } of TABLE) {
    const value = given[key];
    if (value === undefined) continue;
    const text = formatValue(field, value);
    if (text !== formatValue(field, byDefault)) params.append(key, text);
  }
  return params.toString();
}
