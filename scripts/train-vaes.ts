// Trains the two shipped VAEs of chapter 7 from their seeds and writes public/models/vae/<kind>.json
// and .bin. Reproducible: same code, same numbers. Run by `npm run train:models` after the digit
// models, or alone with `npx tsx scripts/train-vaes.ts [vae2|vae16]` (about a minute each).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import * as tf from "@tensorflow/tfjs-core";
import { loadSplitFromDisk } from "../src/engine/digits/testing/nodeDigits";
import { VAE_KINDS, VAE_RECIPES, type VaeKind } from "../src/engine/vae/recipes";
import { vaeWeightPaths } from "../src/engine/vae/testing/nodeVaes";
import { testElbo, trainVae } from "../src/engine/vae/train";
import { createVae, disposeVae } from "../src/engine/vae/vae";
import { encodeVae, type VaeWeightsMeta } from "../src/engine/vae/weights";

async function trainOne(kind: VaeKind): Promise<void> {
  const { train, test } = await loadSplitFromDisk();
  const recipe = VAE_RECIPES[kind];
  const vae = createVae(recipe.config, recipe.train.seed);
  const started = performance.now();
  await trainVae(vae, train, recipe.train, {
    onEpoch: async (epoch) => {
      const { negElbo } = await testElbo(vae, test);
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `${kind} epoch ${epoch}/${recipe.train.epochs}: test -ELBO ${negElbo.toFixed(1)} nats (${s} s)`,
      );
    },
  });
  const { shapes, bytes } = encodeVae(vae);
  const meta: VaeWeightsMeta = {
    format: 1,
    kind,
    config: recipe.config,
    shapes,
    training: { ...recipe.train, trainDigits: train.count },
    test: await testElbo(vae, test),
  };
  const paths = vaeWeightPaths(kind);
  mkdirSync(dirname(paths.bin), { recursive: true });
  writeFileSync(paths.bin, bytes);
  writeFileSync(paths.meta, `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`${kind}: test -ELBO ${meta.test.negElbo.toFixed(2)} nats -> ${paths.bin}`);
  disposeVae(vae);
}

// wasm: six times faster than cpu here for these dense layers, and the same numbers.
setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
await tf.setBackend("wasm");
const wanted = process.argv.slice(2) as VaeKind[];
for (const kind of wanted.length > 0 ? wanted : VAE_KINDS) {
  if (!VAE_KINDS.includes(kind))
    throw new Error(`Unknown VAE "${kind}" (${VAE_KINDS.join(", ")}).`);
  await trainOne(kind);
}
