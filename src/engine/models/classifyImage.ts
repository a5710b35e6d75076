import * as tf from "@tensorflow/tfjs-core";
import { fromRgbaBytes } from "../pixels";
import type { ImageNetClassifier } from "./classifier";

/** The classifier's softmax on one square RGBA image of side `size` (resized to its input). */
export async function classifyImage(
  classifier: ImageNetClassifier,
  rgba: Uint8ClampedArray,
  size: number,
): Promise<Float32Array> {
  const s = classifier.inputSize;
  const p = tf.tidy(() => {
    let x = fromRgbaBytes(rgba, size, size).expandDims(0) as tf.Tensor4D;
    if (size !== s) x = tf.image.resizeBilinear(x, [s, s]);
    return tf.softmax(classifier.logits(x));
  });
  try {
    return (await p.data()) as Float32Array;
  } finally {
    p.dispose();
  }
}
