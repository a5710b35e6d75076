import { readImageHeader } from "./imageHeader";

/** A bad image file, with a message fit for the page. */
export class ImageInputError extends Error {
  override name = "ImageInputError";
}

/** Refuse anything larger before decoding: a 100-megapixel decode can take the tab down. */
export const MAX_PIXELS = 100_000_000;
export const MAX_SIDE = 20_000;

/** A square RGBA image at the model's input size: exactly what gets classified. */
export interface SquareImage {
  rgba: Uint8ClampedArray;
  size: number;
  /** Size of the file's own picture, for the caption. */
  sourceWidth: number;
  sourceHeight: number;
}

const MB = 1024 * 1024;

/**
 * Checks a file from upload, drop or paste and throws ImageInputError with a
 * plain reason when it cannot be a photo Gibbon reads.
 */
export async function checkImageFile(blob: Blob): Promise<void> {
  if (blob.size === 0) throw new ImageInputError("The file is empty (0 bytes).");
  const header = readImageHeader(new Uint8Array(await blob.slice(0, 64 * 1024).arrayBuffer()));
  if (header.type === "svg") {
    throw new ImageInputError(
      "SVG drawings are not supported: export the picture as PNG or JPEG first.",
    );
  }
  if (header.type === "unknown") {
    throw new ImageInputError(
      `This file is not an image Gibbon can read (${(blob.size / MB).toFixed(1)} MB, ` +
        "not PNG, JPEG, GIF, WebP or BMP).",
    );
  }
  const { width = 0, height = 0 } = header;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new ImageInputError(
      `This image is ${width} × ${height} pixels, too large to open safely in a browser tab ` +
        `(limit ${MAX_SIDE} px a side, ${MAX_PIXELS / 1e6} megapixels). Scale it down first.`,
    );
  }
}

/**
 * Decodes an image file (EXIF orientation respected), centre-crops it to a
 * square, composites transparency on white and scales it to `size` × `size`
 * on a canvas, so only the small image ever reaches the GPU.
 */
export async function loadSquareImage(blob: Blob, size: number): Promise<SquareImage> {
  await checkImageFile(blob);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
  } catch {
    throw new ImageInputError(
      "The image could not be decoded: the file may be corrupt or cut short.",
    );
  }
  try {
    return { ...drawSquare(bitmap, size), sourceWidth: bitmap.width, sourceHeight: bitmap.height };
  } finally {
    bitmap.close();
  }
}

function drawSquare(source: ImageBitmap, size: number): Pick<SquareImage, "rgba" | "size"> {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new ImageInputError("This browser cannot draw images on a canvas.");
  const side = Math.min(source.width, source.height);
  const sx = (source.width - side) / 2;
  const sy = (source.height - side) / 2;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, sx, sy, side, side, 0, 0, size, size);
  return { rgba: ctx.getImageData(0, 0, size, size).data, size };
}

/** Downloads a gallery photo, with a readable error when that fails. */
export async function fetchImageBlob(url: string, label: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new ImageInputError(`Could not download the ${label} photo: are you offline?`);
  }
  if (!response.ok)
    throw new ImageInputError(`The ${label} photo server answered ${response.status}.`);
  return response.blob();
}

/** Encodes RGBA pixels as a lossless PNG, so a download reproduces them exactly. */
export async function encodePng(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw images on a canvas.");
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  return canvas.convertToBlob({ type: "image/png" });
}
