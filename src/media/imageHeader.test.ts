import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { readImageHeader } from "./imageHeader";

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(resolve(import.meta.dirname, "../../../shared/fixtures/images", name)),
  );

describe("readImageHeader", () => {
  it("reads PNG and JPEG sizes from the real photos", () => {
    expect(readImageHeader(fixture("cat_chelsea.png"))).toEqual({
      type: "png",
      width: 451,
      height: 300,
    });
    expect(readImageHeader(fixture("giant_panda.jpg"))).toEqual({
      type: "jpeg",
      width: 720,
      height: 480,
    });
  });

  it("reads a gigantic size from a header alone", () => {
    const png = PNG.sync.write(Object.assign(new PNG({ width: 2, height: 3 }), {}));
    const bytes = new Uint8Array(png);
    new DataView(bytes.buffer).setUint32(16, 40_000);
    expect(readImageHeader(bytes)).toMatchObject({ type: "png", width: 40_000, height: 3 });
  });

  it("recognises SVG, including with an XML prolog and comments", () => {
    const svg =
      '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(readImageHeader(new TextEncoder().encode(svg)).type).toBe("svg");
  });

  it("calls text, empty and truncated bytes unknown", () => {
    expect(readImageHeader(new TextEncoder().encode("hello, world")).type).toBe("unknown");
    expect(readImageHeader(new Uint8Array(0)).type).toBe("unknown");
    expect(readImageHeader(fixture("cat_chelsea.png").subarray(0, 10)).type).toBe("unknown");
  });

  it("reads GIF and BMP sizes", () => {
    const gif = new Uint8Array([...new TextEncoder().encode("GIF89a"), 0x20, 0x01, 0x10, 0x00]);
    expect(readImageHeader(gif)).toEqual({ type: "gif", width: 288, height: 16 });
    const bmp = new Uint8Array(30);
    bmp.set(new TextEncoder().encode("BM"));
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(readImageHeader(bmp)).toEqual({ type: "bmp", width: 640, height: 480 });
  });
});
