import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import * as tf from "@tensorflow/tfjs";
import { PNG } from "pngjs";
import { expect, expectTop1, fixturePath, test, waitForIdle } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
});

/** The model-resolution RGBA image the page is classifying, read from the store. */
function currentImage(page: Page): Promise<{ size: number; rgba: number[]; caption: string }> {
  return page.evaluate(() => {
    const { image } = (
      window as unknown as {
        __gibbon: {
          store: {
            getState(): { image: { size: number; rgba: Uint8ClampedArray; caption: string } };
          };
        };
      }
    ).__gibbon.store.getState();
    return { size: image.size, rgba: [...image.rgba], caption: image.caption };
  });
}

const pixel = (img: { size: number; rgba: number[] }, x: number, y: number) =>
  img.rgba.slice((y * img.size + x) * 4, (y * img.size + x) * 4 + 3);

/** A JPEG (made by the browser) with an EXIF APP1 segment saying "rotate 90° clockwise". */
async function rotatedJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(300, 200);
    const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
    ctx.fillStyle = "#f00";
    ctx.fillRect(0, 0, 150, 200);
    ctx.fillStyle = "#00f";
    ctx.fillRect(150, 0, 150, 200);
    const jpeg = new Uint8Array(
      await (await canvas.convertToBlob({ type: "image/jpeg", quality: 1 })).arrayBuffer(),
    );
    return [...jpeg];
  });
  // APP1: "Exif\0\0", big-endian TIFF header, one IFD entry: Orientation (0x0112) = 6.
  const exif = Buffer.from(
    "ffe10022457869660000" + "4d4d002a00000008" + "0001" + "011200030000000100060000" + "00000000",
    "hex",
  );
  const jpeg = Buffer.from(bytes);
  return Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
}

test("EXIF orientation is respected and transparency lands on white", async ({ page }) => {
  await page.getByLabel(/upload/i).setInputFiles({
    name: "rotated.jpg",
    mimeType: "image/jpeg",
    buffer: await rotatedJpeg(page),
  });
  await expect.poll(async () => (await currentImage(page)).caption).toBe("rotated.jpg");
  const img = await currentImage(page);
  // Displayed upright the red half is on top, the blue half below.
  const [r1, , b1] = pixel(img, 200, 20);
  const [r2, , b2] = pixel(img, 20, 200);
  expect(r1).toBeGreaterThan(200);
  expect(b1).toBeLessThan(60);
  expect(b2).toBeGreaterThan(200);
  expect(r2).toBeLessThan(60);

  const clear = new PNG({ width: 64, height: 48 }); // all pixels (0,0,0,0)
  await page
    .getByLabel(/upload/i)
    .setInputFiles({ name: "clear.png", mimeType: "image/png", buffer: PNG.sync.write(clear) });
  await expect.poll(async () => (await currentImage(page)).caption).toBe("clear.png");
  const white = await currentImage(page);
  expect(white.rgba.every((v) => v === 255)).toBe(true);
});

test("a gigantic image is refused from its header, before decoding", async ({ page }) => {
  const png = PNG.sync.write(new PNG({ width: 8, height: 8 }));
  png.writeUInt32BE(40_000, 16);
  png.writeUInt32BE(30_000, 20);
  await page
    .getByLabel(/upload/i)
    .setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("alert")).toContainText("40000 × 30000");
  await expectTop1(page, "original prediction", "giant panda");
});

test("an image can be dropped on the page or pasted", async ({ page }) => {
  const cat = [...readFileSync(fixturePath("images", "cat_chelsea.png"))];
  const coffee = [...readFileSync(fixturePath("images", "coffee.png"))];
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "dropped-cat.png", { type: "image/png" }));
    document
      .querySelector(".image-input")
      ?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, cat);
  await expectTop1(page, "original prediction", /cat /);
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "pasted-coffee.png", { type: "image/png" }));
    window.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt }));
  }, coffee);
  await expectTop1(page, "original prediction", "espresso");
});

test("a model can be loaded from files; a non-ImageNet model is refused with a reason", async ({
  page,
}, info) => {
  const dir = fixturePath("models", "mobilenet_v1_025");
  await page
    .getByLabel(/load model from files/i)
    .setInputFiles([`${dir}/model.json`, `${dir}/group1-shard1of1.bin`]);
  await expect(page.locator("#prank").getByRole("combobox", { name: /model/i })).toContainText(
    "from files",
  );
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);

  // A tiny Keras-style model with 10 outputs, saved the way tfjs saves models.
  await tf.setBackend("cpu");
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [8, 8, 3] }), tf.layers.dense({ units: 10 })],
  });
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const json = {
        modelTopology: a.modelTopology,
        format: "layers-model",
        weightsManifest: [{ paths: ["tiny.bin"], weights: a.weightSpecs }],
      };
      writeFileSync(info.outputPath("tiny.json"), JSON.stringify(json));
      writeFileSync(info.outputPath("tiny.bin"), Buffer.from(a.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  await page
    .getByLabel(/load model from files/i)
    .setInputFiles([info.outputPath("tiny.json"), info.outputPath("tiny.bin")]);
  await expect(page.getByRole("alert")).toContainText(/10 outputs|1000 or 1001/);
  await expectTop1(page, "original prediction", "giant panda");
});
