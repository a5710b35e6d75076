import * as tf from "@tensorflow/tfjs-core";

/**
 * Shipped weights as one binary: float32 values (little-endian), every tensor concatenated in
 * order, with their shapes kept beside in a small JSON file. One format for every model.
 */
export function packWeights(tensors: readonly tf.Tensor[]): {
  shapes: number[][];
  bytes: Uint8Array;
} {
  const shapes = tensors.map((w) => w.shape);
  const values = tensors.map((w) => w.dataSync() as Float32Array);
  const flat = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  let offset = 0;
  for (const v of values) {
    flat.set(v, offset);
    offset += v.length;
  }
  return { shapes, bytes: new Uint8Array(flat.buffer) };
}

const sameShapes = (a: readonly number[][], b: readonly number[][]) =>
  a.length === b.length &&
  a.every((s, i) => s.length === b[i].length && s.every((d, j) => d === b[i][j]));

/**
 * The tensors of a packed file whose recorded `shapes` must equal `expected` (the model's);
 * throws a clear Error, naming `what`, if they do not fit. The caller disposes the tensors.
 */
export function unpackWeights(
  expected: readonly number[][],
  shapes: readonly number[][],
  bytes: Uint8Array,
  what: string,
): tf.Tensor[] {
  if (!sameShapes(expected, shapes)) {
    throw new Error(`The ${what} weights do not fit the model (shapes ${JSON.stringify(shapes)}).`);
  }
  const total = expected.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== total * 4) {
    throw new Error(
      `The ${what} weights file has ${bytes.byteLength} bytes, expected ${total * 4}.`,
    );
  }
  const copy = new Float32Array(bytes.slice().buffer); // aligned copy
  let offset = 0;
  return expected.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(copy.subarray(offset, offset + size), shape);
    offset += size;
    return t;
  });
}

/** Fetches `<baseUrl><name>.json` and `<name>.bin` (browser); throws with the HTTP status. */
export async function fetchWeightsFiles<Meta>(
  baseUrl: string,
  name: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ meta: Meta; bytes: Uint8Array }> {
  const get = async (file: string) => {
    const response = await fetchFn(`${baseUrl}${file}`);
    if (!response.ok) throw new Error(`Could not load ${file} (HTTP ${response.status}).`);
    return response;
  };
  const meta = (await (await get(`${name}.json`)).json()) as Meta;
  const bytes = new Uint8Array(await (await get(`${name}.bin`)).arrayBuffer());
  return { meta, bytes };
}
