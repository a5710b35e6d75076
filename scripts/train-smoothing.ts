// Trains chapter 8's base classifiers for randomized smoothing: chapter 2's CNN architecture under
// Gaussian noise (sigma 0.25 and 0.5), seeded, and writes public/models/smoothing/<kind>.json and
// .bin. Run by `npm run train:models`, or alone: `npx tsx scripts/train-smoothing.ts [sigma025|sigma050]`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { buildDigitModel, digitLogits } from "../src/engine/digits/digitModels";
import { encodeWeights } from "../src/engine/digits/digitWeights";
import { accuracy } from "../src/engine/digits/evaluate";
import { loadSplitFromDisk } from "../src/engine/digits/testing/nodeDigits";
import { installFastCpuConvGradient } from "../src/engine/kernels/cpuConvBackpropFilter";
import { trainNoisyModel } from "../src/engine/smoothing/noisyTraining";
import {
  SMOOTHING_KINDS,
  SMOOTHING_RECIPES,
  type SmoothingKind,
} from "../src/engine/smoothing/recipes";
import type { SmoothingWeightsMeta } from "../src/engine/smoothing/weights";

const outDir = join(import.meta.dirname, "..", "public", "models", "smoothing");

async function trainOne(kind: SmoothingKind): Promise<void> {
  const { train, test } = await loadSplitFromDisk();
  const recipe = SMOOTHING_RECIPES[kind];
  const model = buildDigitModel("cnn", recipe.seed);
  const started = performance.now();
  await trainNoisyModel(model, train, recipe, {
    onEpoch: async (epoch) => {
      const acc = await accuracy(digitLogits(model), test);
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `${kind} epoch ${epoch}/${recipe.epochs}: clean test accuracy ${(acc * 100).toFixed(2)}% (${s} s)`,
      );
    },
  });
  const { shapes, bytes } = encodeWeights(model);
  const meta: SmoothingWeightsMeta = {
    format: 1,
    kind: "cnn",
    smoothing: kind,
    shapes,
    training: { ...recipe, trainDigits: train.count },
    testAccuracy: await accuracy(digitLogits(model), test),
  };
  const bin = join(outDir, `${kind}.bin`);
  mkdirSync(dirname(bin), { recursive: true });
  writeFileSync(bin, bytes);
  writeFileSync(join(outDir, `${kind}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`${kind}: clean ${(meta.testAccuracy * 100).toFixed(2)}% -> ${bin}`);
  model.dispose();
}

await tf.setBackend("cpu");
installFastCpuConvGradient();
const wanted = process.argv.slice(2) as SmoothingKind[];
for (const kind of wanted.length > 0 ? wanted : SMOOTHING_KINDS) {
  if (!SMOOTHING_KINDS.includes(kind))
    throw new Error(`Unknown base classifier "${kind}" (${SMOOTHING_KINDS.join(", ")}).`);
  await trainOne(kind);
}
