import { describe, expect, it } from "vitest";
import { divergingRgba, greyRgba } from "./colormaps";

const pixel = (rgba: Uint8ClampedArray, i: number) => [...rgba.subarray(i * 4, i * 4 + 4)];

describe("colour maps", () => {
  it("grey: 0 is black, 1 is white, values outside [0,1] are clipped", () => {
    const rgba = greyRgba([0, 0.5, 1, -3, 7]);
    expect(pixel(rgba, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 1)).toEqual([128, 128, 128, 255]); // round(127.5)
    expect(pixel(rgba, 2)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, 3)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 4)).toEqual([255, 255, 255, 255]);
  });

  it("diverging: -scale is blue, 0 white, +scale red, halfway is the mean of white and the end", () => {
    const rgba = divergingRgba([-2, 0, 2, 1, 9], 2);
    expect(pixel(rgba, 0)).toEqual([33, 102, 172, 255]);
    expect(pixel(rgba, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, 2)).toEqual([178, 24, 43, 255]);
    expect(pixel(rgba, 3)).toEqual([216, 140, 149, 255]); // (255 + 178) / 2 = 216.5 -> 216 (ties to even)
    expect(pixel(rgba, 4)).toEqual([178, 24, 43, 255]); // clipped
  });

  it("diverging without a scale saturates the largest |value|", () => {
    const rgba = divergingRgba([0.1, -0.4]);
    expect(pixel(rgba, 1)).toEqual([33, 102, 172, 255]);
  });
});
