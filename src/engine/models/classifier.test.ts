import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClassifier, type ImageNetClassifier } from "./classifier";
import { displayName, IMAGENET_CLASS_NAMES } from "./classNames";
import { ModelLoadError } from "./errors";
import { fetchModelArtifacts } from "./fetchArtifacts";
import { centreCrop, fixtureFetch, loadPng, spec, topK } from "./testing/fixtures";

const EGYPTIAN_CAT = 285;
const ESPRESSO = 967;
const CAT_CLASSES = [281, 282, 283, 284, 285]; // tabby, tiger cat, Persian, Siamese, Egyptian

/** A tiny layers model as in-memory artifacts. */
async function tinyLayersArtifacts(outputs: number, size = 8): Promise<tf.io.ModelArtifacts> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.globalAveragePooling2d({ inputShape: [size, size, 3] }),
      tfl.layers.dense({ units: outputs, kernelInitializer: "ones", biasInitializer: "zeros" }),
    ],
  });
  let saved: tf.io.ModelArtifacts = {};
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  model.dispose();
  return saved;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("createClassifier on the real MobileNet v1 0.25", () => {
  let classifier: ImageNetClassifier;
  const mobilenet = spec("mobilenet_v1_025");

  beforeAll(async () => {
    const artifacts = await fetchModelArtifacts(mobilenet, { fetchFn: fixtureFetch() });
    classifier = await createClassifier(artifacts, { ...mobilenet });
  });
  afterAll(() => classifier.dispose());

  it("reads the input size from the model and returns [N,1000] logits", () => {
    expect(classifier.inputSize).toBe(224);
    expect(classifier.numClasses).toBe(1000);
    const shape = tf.tidy(() => classifier.logits(tf.zeros([2, 224, 224, 3])).shape);
    expect(shape).toEqual([2, 1000]);
  });

  it("classifies real photos (standard class order, background logit dropped)", () => {
    const cat = tf.tidy(() =>
      topK(classifier.logits(centreCrop(loadPng("cat_chelsea.png"), 224)), 3),
    );
    expect(cat[0]).toBe(EGYPTIAN_CAT);
    expect(displayName(cat[0])).toBe("Egyptian cat");
    const coffee = tf.tidy(() =>
      topK(classifier.logits(centreCrop(loadPng("coffee.png"), 224)), 1),
    );
    expect(IMAGENET_CLASS_NAMES[coffee[0]]).toBe("espresso");
    expect(coffee[0]).toBe(ESPRESSO);
  });

  it("is differentiable with respect to the input image (cpu backend)", () => {
    const norm = tf.tidy(() => {
      const x = centreCrop(loadPng("cat_chelsea.png"), 224);
      const grad = tf.grad((img: tf.Tensor) =>
        tf.losses.softmaxCrossEntropy(tf.oneHot([EGYPTIAN_CAT], 1000), classifier.logits(img)),
      )(x);
      expect(grad.shape).toEqual([1, 224, 224, 3]);
      return grad.abs().sum().dataSync()[0];
    });
    expect(norm).toBeGreaterThan(0);
  });

  it("rejects images of the wrong size", () => {
    expect(() => tf.tidy(() => classifier.logits(tf.zeros([1, 100, 100, 3])))).toThrow(
      "Expected images [N,224,224,3], got [1,100,100,3].",
    );
  });

  it("does not leak tensors per call", () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        classifier.logits(tf.zeros([1, 224, 224, 3]));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("createClassifier contract", () => {
  it("frees every tensor on dispose", async () => {
    const artifacts = await fetchModelArtifacts(spec("mobilenet_v1_025"), {
      fetchFn: fixtureFetch(),
    });
    const before = tf.memory().numTensors;
    const classifier = await createClassifier(artifacts, { ...spec("mobilenet_v1_025") });
    tf.tidy(() => {
      classifier.logits(tf.zeros([1, 224, 224, 3]));
    });
    classifier.dispose();
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => classifier.logits(tf.zeros([1, 224, 224, 3]))).toThrow("disposed");
  });

  it("throws 'wrong-classes' for a model with 10 outputs, and frees it", async () => {
    const artifacts = await tinyLayersArtifacts(10);
    const before = tf.memory().numTensors;
    const error = await createClassifier(artifacts, {
      id: "tiny",
      label: "tiny",
      format: "layers",
      inputRange: [0, 1],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).kind).toBe("wrong-classes");
    expect((error as ModelLoadError).message).toBe(
      "This model has 10 outputs; an ImageNet classifier needs 1000 or 1001.",
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rescales [0,1] to the model's input range and drops a 1001st logit", async () => {
    // Output = sum of the three channel means (+ bias 0) for every unit.
    const classifier = await createClassifier(await tinyLayersArtifacts(1001, 4), {
      id: "tiny",
      label: "tiny",
      format: "layers",
      inputRange: [-1, 1],
    });
    expect(classifier.inputSize).toBe(4);
    const out = tf.tidy(() => classifier.logits(tf.fill([1, 4, 4, 3], 0.75)));
    expect(out.shape).toEqual([1, 1000]);
    expect(out.dataSync()[0]).toBeCloseTo(3 * 0.5, 5);
    out.dispose();
    classifier.dispose();
  });

  it("reports 'not-a-model' when the topology cannot be built", async () => {
    const error = await createClassifier(
      {
        modelTopology: { node: [{ name: "x", op: "NoSuchOp" }] },
        weightSpecs: [],
        weightData: new ArrayBuffer(0),
      },
      { id: "bad", label: "bad", format: "graph", inputRange: [0, 1] },
    ).catch((e: unknown) => e);
    expect((error as ModelLoadError).kind).toBe("not-a-model");
  });
});

describe("Darknet tiny (ml5): logits reordered to the standard order", () => {
  it("agrees with MobileNet on the CC0 cat photo (Egyptian cat, then tabby and tiger cat)", async () => {
    const darknet = spec("darknet_tiny");
    const artifacts = await fetchModelArtifacts(darknet, { fetchFn: fixtureFetch() });
    const classifier = await createClassifier(artifacts, { ...darknet });
    expect(classifier.inputSize).toBe(224);
    const top = tf.tidy(() =>
      topK(classifier.logits(centreCrop(loadPng("cat_chelsea.png"), 224)), 3),
    );
    classifier.dispose();
    expect(top[0]).toBe(EGYPTIAN_CAT);
    for (const c of top) expect(CAT_CLASSES).toContain(c);
  });
});
