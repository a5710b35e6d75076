import { describe, expect, it } from "vitest";
import type { DigitSplit } from "../engine/digits/mnistData";
import { createSharedDigits } from "./sharedDigits";

const URL = "http://gibbon.test/data/mnist.bin.gz";
const tiny = (label: number): DigitSplit => {
  const set = {
    count: 1,
    rows: 1,
    cols: 1,
    labels: Uint8Array.of(label),
    pixels: Uint8Array.of(9),
  };
  return { train: set, test: set };
};

describe("the page's shared digits", () => {
  it("sends the first worker to the file", async () => {
    expect(await createSharedDigits(URL).source()).toEqual({ url: URL });
  });

  it("hands the next worker a copy from the one that has them, asked afresh each time", async () => {
    const shared = createSharedDigits(URL);
    let copies = 0;
    shared.offer(async () => {
      copies++;
      return tiny(3);
    });
    expect(await shared.source()).toEqual({ split: tiny(3) });
    expect(await shared.source()).toEqual({ split: tiny(3) });
    expect(copies).toBe(2);
  });

  it("keeps the first offer", async () => {
    const shared = createSharedDigits(URL);
    shared.offer(async () => tiny(1));
    shared.offer(async () => tiny(2));
    expect(await shared.source()).toEqual({ split: tiny(1) });
  });

  it("falls back to the file when the worker that had them cannot answer", async () => {
    const shared = createSharedDigits(URL);
    shared.offer(async () => {
      throw new Error("worker gone");
    });
    expect(await shared.source()).toEqual({ url: URL });
  });
});
