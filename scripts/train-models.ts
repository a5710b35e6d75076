// Trains the three built-in digit models from their seeds and writes the weights the page ships
// (public/models/digits/<kind>.json + .bin). Reproducible: same code, same numbers.
// Run with `npm run train:models` (all) or `npm run train:models -- mlp` (some).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../src/engine/digits/digitModelKinds";
import { buildDigitModel, digitLogits } from "../src/engine/digits/digitModels";
import { type DigitWeightsMeta, encodeWeights } from "../src/engine/digits/digitWeights";
import { accuracy } from "../src/engine/digits/evaluate";
import { RECIPES } from "../src/engine/digits/recipes";
import { loadSplitFromDisk, weightPaths } from "../src/engine/digits/testing/nodeDigits";
import { trainDigitModel } from "../src/engine/digits/train";
import { installFastCpuConvGradient } from "../src/engine/kernels/cpuConvBackpropFilter";

async function trainOne(kind: DigitModelKind): Promise<void> {
  const { train, test } = await loadSplitFromDisk();
  const recipe = RECIPES[kind];
  const model = buildDigitModel(kind, recipe.seed);
  const started = performance.now();
  await trainDigitModel(model, train, recipe, {
    onEpoch: async (epoch) => {
      const acc = await accuracy(digitLogits(model), test);
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `${kind} epoch ${epoch}/${recipe.epochs}: test accuracy ${(acc * 100).toFixed(2)}% (${s} s)`,
      );
    },
  });
  const testAccuracy = await accuracy(digitLogits(model), test);
  const { shapes, bytes } = encodeWeights(model);
  const meta: DigitWeightsMeta = {
    format: 1,
    kind,
    shapes,
    training: { ...recipe, trainDigits: train.count },
    testAccuracy,
  };
  const paths = weightPaths(kind);
  mkdirSync(dirname(paths.bin), { recursive: true });
  writeFileSync(paths.bin, bytes);
  writeFileSync(paths.meta, `${JSON.stringify(meta, null, 2)}\n`);
  console.log(
    `${kind}: ${(testAccuracy * 100).toFixed(2)}% on ${test.count} test digits -> ${paths.bin}`,
  );
  model.dispose();
}

await tf.setBackend("cpu");
installFastCpuConvGradient();
const wanted = process.argv.slice(2) as DigitModelKind[];
for (const kind of wanted.length > 0 ? wanted : DIGIT_MODEL_KINDS) {
  if (!DIGIT_MODEL_KINDS.includes(kind))
    throw new Error(`Unknown model "${kind}" (${DIGIT_MODEL_KINDS.join(", ")}).`);
  await trainOne(kind);
}
