// Generates darknetOrder.json: for each STANDARD ImageNet class s, the Darknet logit index d
// that holds it, so `tf.gather(darknetLogits, order, 1)` gives logits in the standard order.
//
// Run from the project root:  node src/engine/models/darknetOrder.gen.mjs
// then `npx biome format --write src/engine/models/darknetOrder.json` (layout only).
// Inputs: ../shared/fixtures/models/darknet_tiny/classes.json (ml5's Darknet class names, in
// Darknet order) and the standard list shipped by @tensorflow-models/mobilenet.
//
// Names alone do not give a clean 1:1 mapping: 995 of the 1000 Darknet names equal exactly one
// standard class's first synonym, but
//   - "crane" (Darknet 428 and 544) and "maillot" (Darknet 781 and 976) each name two standard
//     classes (134/517 and 638/639), and
//   - Darknet's "jellyfish" (646) is spelled "jelly fish" in the standard list (107).
// These five are resolved with the WordNet IDs of Darknet's class list
// (pjreddie/darknet data/imagenet.labels.list, same order as data/imagenet.shortnames.list,
// whose first 1000 lines are ml5's classes.json). The standard order is the sorted WordNet-ID
// order, which fixes each of them:
//   428 crane   n02012849 (bird, between bittern and limpkin)          -> 134 "crane"
//   544 crane   n03126707 (machine, between typewriter keyboard and lighter) -> 517 "crane"
//   781 maillot n03710637 (between mask and Petri dish)               -> 638 "maillot"
//   976 maillot n03710721 (between quilt and tape player)             -> 639 "maillot, tank suit"
//   646 jellyfish n01910747                                          -> 107 "jelly fish"
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { IMAGENET_CLASSES } from "@tensorflow-models/mobilenet/dist/imagenet_classes.js";

const here = import.meta.dirname;
const fixtures = path.resolve(here, "../../../../shared/fixtures/models");
const darknet = JSON.parse(readFileSync(path.join(fixtures, "darknet_tiny/classes.json"), "utf8"));
const standard = Array.from({ length: 1000 }, (_, i) => IMAGENET_CLASSES[i]);
const firstSynonym = standard.map((name) => name.split(",")[0].trim());

/** Darknet index -> standard index, for the names that are ambiguous or spelled differently. */
const RESOLVED_BY_WORDNET_ID = { 428: 134, 544: 517, 781: 638, 976: 639, 646: 107 };

if (darknet.length !== 1000)
  throw new Error(`expected 1000 Darknet classes, got ${darknet.length}`);
const standardOfDarknet = darknet.map((name, d) => {
  const candidates = firstSynonym.flatMap((n, s) => (n === name ? [s] : []));
  const resolved = RESOLVED_BY_WORDNET_ID[d];
  if (resolved !== undefined) {
    const ok = candidates.length === 0 ? d === 646 : candidates.includes(resolved);
    if (!ok) throw new Error(`override for ${d} "${name}" does not fit the names`);
    return resolved;
  }
  if (candidates.length !== 1) throw new Error(`"${name}" (${d}) matches ${candidates.length}`);
  return candidates[0];
});

const order = new Array(1000).fill(-1);
standardOfDarknet.forEach((s, d) => {
  if (order[s] !== -1) throw new Error(`standard class ${s} claimed twice`);
  order[s] = d;
});
if (order.includes(-1)) throw new Error("not a permutation");

const out = path.join(here, "darknetOrder.json");
writeFileSync(out, `${JSON.stringify(order)}\n`);
console.log(`wrote ${out}: giant panda 388 <- ${order[388]}, gibbon 368 <- ${order[368]}`);
