import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { splitTechnical } from "../../lib/errorMessage";
import { digitImages, digitLabels, fetchDigits, splitDigits } from "./mnistData";
import { type DigitSet, decodeDigits } from "./mnistFormat";
import { TEST_DIGITS } from "./testDigits";
import { loadDigitsFromDisk } from "./testing/nodeDigits";

let all: DigitSet;
beforeAll(async () => {
  await tf.setBackend("cpu");
  all = await loadDigitsFromDisk();
});

describe("the packed MNIST asset", () => {
  it("holds 10,000 28x28 digits of all ten classes", () => {
    expect(all.count).toBe(10_000);
    expect([all.rows, all.cols]).toEqual([28, 28]);
    expect(all.pixels.length).toBe(10_000 * 784);
    const perClass = new Array(10).fill(0);
    for (const y of all.labels) perClass[y]++;
    expect(perClass.every((n) => n > 800)).toBe(true);
    expect(perClass.reduce((a, b) => a + b)).toBe(10_000);
  });

  it("decodes to images in [0,1] that use the whole range", () => {
    const x = digitImages(all, 0, 500);
    const [lo, hi] = [x.min().dataSync()[0], x.max().dataSync()[0]];
    expect(x.shape).toEqual([500, 28, 28, 1]);
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    const labels = digitLabels(all, 0, 500);
    expect(labels.dtype).toBe("int32");
    tf.dispose([x, labels]);
  });

  it("says what arrived instead when the bytes are not the asset, and refuses truncated ones", async () => {
    // A server's answer for a file it does not have (a dev server's page, say) is named as such.
    const page = await decodeDigits(new TextEncoder().encode("<!doctype html><p>not found")).then(
      () => null,
      (e: Error) => splitTechnical(e.message),
    );
    expect(page?.plain).toBe(
      "The digits file is not the one Gibbon ships: the server sent a web page instead (its answer for a file it does not have?).",
    );
    expect(page?.technical).toMatch(
      /^Not a Gibbon MNIST file \(bad magic\): 27 bytes starting 3c 21 64/,
    );
    await expect(decodeDigits(new Uint8Array(0))).rejects.toThrow(
      /the server sent an empty answer/,
    );
    const refused = await fetchDigits(
      "data/mnist.bin.gz",
      async () => new Response("", { status: 404 }),
    ).catch((e: Error) => e.message);
    expect(refused).toMatch(/^The server refused the digits file \(HTTP 404\)\./);
    const lost = await fetchDigits("data/mnist.bin.gz", async () => {
      throw new TypeError("Load failed");
    }).catch((e: Error) => splitTechnical(e.message).technical);
    expect(lost).toBe("fetch data/mnist.bin.gz: Load failed");
    const header = new Uint8Array(24);
    header.set([0x4d, 0x4e, 0x53, 0x54, 1, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 0, 0, 0]);
    await expect(decodeDigits(header)).rejects.toThrow(/truncated/);
  });
});

describe("the train/test split", () => {
  it("is 8,000 / 2,000, deterministic, and a partition of the digits", () => {
    const a = splitDigits(all);
    const b = splitDigits(all);
    expect([a.train.count, a.test.count]).toEqual([8000, 2000]);
    expect(a.test.count).toBe(TEST_DIGITS); // the steppers' constant is the file's
    expect(Buffer.from(a.test.pixels).equals(Buffer.from(b.test.pixels))).toBe(true);
    expect(Buffer.from(a.train.labels).equals(Buffer.from(b.train.labels))).toBe(true);
    // Shuffled: the package groups digits by class; the test set must not be one class.
    expect(new Set(a.test.labels.subarray(0, 50)).size).toBeGreaterThan(5);
    // A partition: label counts of train + test equal those of the whole set.
    const count = (labels: Uint8Array) => {
      const c = new Array(10).fill(0);
      for (const y of labels) c[y]++;
      return c;
    };
    const sum = count(a.train.labels).map((n: number, i: number) => n + count(a.test.labels)[i]);
    expect(sum).toEqual(count(all.labels));
  });

  it("changes with the seed", () => {
    const a = splitDigits(all, { seed: 1, trainSize: 8000 });
    const b = splitDigits(all, { seed: 2, trainSize: 8000 });
    expect(Buffer.from(a.test.labels).equals(Buffer.from(b.test.labels))).toBe(false);
  });
});
