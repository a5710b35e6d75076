/** What the first bytes of a file say it is, before anything is decoded. */
export interface ImageHeader {
  type: "png" | "jpeg" | "gif" | "webp" | "bmp" | "svg" | "unknown";
  /** Pixel size from the header, when the format puts it there. */
  width?: number;
  height?: number;
}

const ascii = (b: Uint8Array, start: number, len: number) =>
  String.fromCharCode(...b.subarray(start, start + len));

/**
 * Sniffs the format and dimensions of an image from its first bytes (64 KiB is
 * plenty), so an empty, non-image, SVG or gigantic file is refused before the
 * browser tries to decode it.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n >= 24 && ascii(bytes, 1, 3) === "PNG" && bytes[0] === 0x89) {
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (n >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { type: "jpeg", ...jpegSize(bytes, view) };
  }
  if (n >= 10 && ascii(bytes, 0, 4) === "GIF8") {
    return { type: "gif", width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (n >= 30 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return { type: "webp", ...webpSize(bytes, view) };
  }
  if (n >= 26 && ascii(bytes, 0, 2) === "BM") {
    return {
      type: "bmp",
      width: Math.abs(view.getInt32(18, true)),
      height: Math.abs(view.getInt32(22, true)),
    };
  }
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(n, 1024))).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg|<svg)/i.test(text)) {
    return { type: "svg" };
  }
  return { type: "unknown" };
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(b: Uint8Array, view: DataView): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return {};
    const marker = b[i + 1];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + view.getUint16(i + 2);
  }
  return {};
}

function webpSize(b: Uint8Array, view: DataView): { width?: number; height?: number } {
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8X") {
    const w = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
    const h = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
    return { width: w, height: h };
  }
  if (chunk === "VP8 ") {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L") {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return {};
}
