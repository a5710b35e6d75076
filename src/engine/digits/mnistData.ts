import * as tf from "@tensorflow/tfjs-core";
import { errorMessage, withTechnical } from "../../lib/errorMessage";
import { shuffledIndices } from "../random";
import { type DigitSet, decodeDigits, pickDigits } from "./mnistFormat";

/** The fixed split every chapter, test and training script uses: 8,000 train / 2,000 test. */
export const MNIST_SPLIT = { seed: 2014, trainSize: 8000 } as const;

export interface DigitSplit {
  train: DigitSet;
  test: DigitSet;
}

/** A seeded permutation of all digits, cut into train (first `trainSize`) and test (the rest). */
export function splitDigits(
  set: DigitSet,
  split: { seed: number; trainSize: number } = MNIST_SPLIT,
): DigitSplit {
  if (split.trainSize <= 0 || split.trainSize >= set.count) {
    throw new RangeError(`trainSize must be in 1..${set.count - 1}, got ${split.trainSize}.`);
  }
  const order = shuffledIndices(set.count, split.seed);
  return {
    train: pickDigits(set, order.subarray(0, split.trainSize)),
    test: pickDigits(set, order.subarray(split.trainSize)),
  };
}

/** Digits [start, end) as images [N, rows, cols, 1] in [0,1]. */
export function digitImages(set: DigitSet, start = 0, end = set.count): tf.Tensor4D {
  const size = set.rows * set.cols;
  const bytes = set.pixels.subarray(start * size, end * size);
  return tf.tidy(() =>
    tf.div(tf.tensor4d(Float32Array.from(bytes), [end - start, set.rows, set.cols, 1]), 255),
  ) as tf.Tensor4D;
}

/** Labels [start, end) as an int32 tensor [N]. */
export function digitLabels(set: DigitSet, start = 0, end = set.count): tf.Tensor1D {
  return tf.tensor1d(Int32Array.from(set.labels.subarray(start, end)), "int32");
}

/**
 * Fetches and decodes the packed digits (browser). Every failure says what happened: no answer
 * (with the browser's words), an HTTP status, or the wrong file.
 */
export async function fetchDigits(url: string, fetchFn: typeof fetch = fetch): Promise<DigitSet> {
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await fetchFn(url);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new Error(
      withTechnical(
        "The digits file did not arrive: the connection failed before it was complete.",
        `fetch ${url}: ${errorMessage(error)}`,
      ),
    );
  }
  if (!response.ok)
    throw new Error(
      withTechnical(
        `The server refused the digits file (HTTP ${response.status}).`,
        `fetch ${url}: HTTP ${response.status}`,
      ),
    );
  return decodeDigits(bytes);
}

/** Where a worker gets the digits: the packed file's URL, or the split another worker decoded. */
export type DigitSource = { url: string } | { split: DigitSplit };

/** The split from `source`: fetched and decoded from its URL, or as handed over. */
export async function loadDigitSplit(
  source: DigitSource,
  fetchFn: typeof fetch = fetch,
): Promise<DigitSplit> {
  return "split" in source ? source.split : splitDigits(await fetchDigits(source.url, fetchFn));
}
