/**
 * The 1000 ImageNet (ILSVRC-2012) class names in the standard order, from
 * `@tensorflow-models/mobilenet` (Apache-2.0, Google). Each entry lists its WordNet synonyms,
 * comma-separated, e.g. "giant panda, panda, panda bear, coon bear, Ailuropoda melanoleuca".
 */
import { IMAGENET_CLASSES } from "@tensorflow-models/mobilenet/dist/imagenet_classes";

/** Number of ImageNet classes. */
export const NUM_IMAGENET_CLASSES = 1000;

/** Class names, index = standard class index; each string lists the class's synonyms. */
export const IMAGENET_CLASS_NAMES: readonly string[] = Object.freeze(
  Array.from({ length: NUM_IMAGENET_CLASSES }, (_, i) => IMAGENET_CLASSES[i]),
);

/** Standard index of "giant panda, panda, panda bear, coon bear, Ailuropoda melanoleuca". */
export const GIANT_PANDA = 388;
/** Standard index of "gibbon, Hylobates lar". */
export const GIBBON = 368;

const SYNONYMS: readonly (readonly string[])[] = IMAGENET_CLASS_NAMES.map((name) =>
  name
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** All synonyms of a class, first one first ("giant panda", "panda", ...). */
export function classSynonyms(i: number): readonly string[] {
  const synonyms = SYNONYMS[i];
  if (synonyms === undefined) throw new RangeError(`No ImageNet class ${i}`);
  return synonyms;
}

/** The short display name of a class: its first synonym ("giant panda"). */
export function displayName(i: number): string {
  return classSynonyms(i)[0];
}

/** One hit of `searchClasses`. */
export interface ClassMatch {
  /** Standard class index. */
  index: number;
  /** The class's display name. */
  name: string;
  /** The synonym that matched the query. */
  matched: string;
}

/**
 * Classes whose synonyms contain `query` (case-insensitive), best first: a synonym starting with
 * the query, then a word inside a synonym starting with it ("cat" -> "Egyptian cat"), then any
 * other substring. Ties keep the standard order. At most `limit` results.
 */
export function searchClasses(query: string, limit = 10): ClassMatch[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0 || limit <= 0) return [];
  const tiers: ClassMatch[][] = [[], [], []];
  SYNONYMS.forEach((synonyms, index) => {
    let best = -1;
    let matched = "";
    for (const synonym of synonyms) {
      const tier = matchTier(synonym.toLowerCase(), q);
      if (tier >= 0 && (best < 0 || tier < best)) {
        best = tier;
        matched = synonym;
      }
    }
    if (best >= 0) tiers[best].push({ index, name: synonyms[0], matched });
  });
  return tiers.flat().slice(0, limit);
}

/** 0: starts with q; 1: a word starts with q; 2: contains q; -1: no match. */
function matchTier(synonym: string, q: string): number {
  let at = synonym.indexOf(q);
  if (at < 0) return -1;
  if (at === 0) return 0;
  while (at > 0) {
    if (/[\s\-'(]/.test(synonym[at - 1])) return 1;
    at = synonym.indexOf(q, at + 1);
  }
  return 2;
}
