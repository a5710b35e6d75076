/**
 * Decoder of the packed MNIST asset written by `scripts/build-mnist.mjs`, shared by the browser
 * and the Node tests. Layout (little-endian, usually gzipped): "MNST" | u32 version=1 |
 * u32 count | u32 rows | u32 cols | count label bytes | count*rows*cols grey levels 0..255.
 */

/** Digits as bytes: image i is pixels[i*rows*cols .. (i+1)*rows*cols), its class labels[i]. */
export interface DigitSet {
  count: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

import { withTechnical } from "../../lib/errorMessage";

const MAGIC = "MNST";
const HEADER_BYTES = 20;

/** Gunzips when the bytes start with gzip's magic (a server may already have decoded them). */
async function maybeGunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What a wrong answer looks like, in words ("an empty answer", "a web page", ...). */
function whatArrived(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty answer";
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  if (text.startsWith("<")) return "a web page instead (its answer for a file it does not have?)";
  return `${bytes.length.toLocaleString("en")} bytes of something else`;
}

const hexStart = (bytes: Uint8Array) =>
  [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ") || "(none)";

/** Decodes the asset's bytes (gzipped or not). Throws a clear Error on anything else. */
export async function decodeDigits(raw: Uint8Array): Promise<DigitSet> {
  const bytes = await maybeGunzip(raw);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER_BYTES || magic !== MAGIC) {
    throw new Error(
      withTechnical(
        `The digits file is not the one Gibbon ships: the server sent ${whatArrived(bytes)}.`,
        `Not a Gibbon MNIST file (bad magic): ${bytes.length} bytes starting ${hexStart(bytes)}; a developer runs \`npm run build:data\`.`,
      ),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 1) throw new Error(`Unsupported MNIST file version ${version}.`);
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  const expected = HEADER_BYTES + count + count * rows * cols;
  if (bytes.length !== expected) {
    throw new Error(`MNIST file is ${bytes.length} bytes, expected ${expected}: truncated?`);
  }
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  const pixels = bytes.subarray(HEADER_BYTES + count);
  return { count, rows, cols, labels, pixels };
}

/** The digits at `indices`, copied into a new set (in that order). */
export function pickDigits(set: DigitSet, indices: ArrayLike<number>): DigitSet {
  const size = set.rows * set.cols;
  const labels = new Uint8Array(indices.length);
  const pixels = new Uint8Array(indices.length * size);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    labels[k] = set.labels[i];
    pixels.set(set.pixels.subarray(i * size, (i + 1) * size), k * size);
  }
  return { count: indices.length, rows: set.rows, cols: set.cols, labels, pixels };
}
