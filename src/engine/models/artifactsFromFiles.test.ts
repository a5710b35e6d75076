import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { artifactsFromFiles } from "./artifactsFromFiles";
import { loadClassifierFromFiles } from "./loadImageNetModel";
import { failure, fixtureFiles } from "./testing/fixtures";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("artifactsFromFiles", () => {
  it("assembles the MobileNet fixture from File objects", async () => {
    const artifacts = await artifactsFromFiles(fixtureFiles("mobilenet_v1_025"));
    expect(artifacts.format).toBe("graph-model");
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(1_870_388);
  });

  it("assembles Darknet's 31 weight files in manifest order, ignoring extra files", async () => {
    const files = fixtureFiles("darknet_tiny").reverse();
    files.push(new File(["notes"], "README.txt"));
    const artifacts = await artifactsFromFiles(files);
    expect(artifacts.weightSpecs?.length).toBeGreaterThan(31);
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(4_185_952);
  });

  it("lists the missing weight files", async () => {
    const files = fixtureFiles("darknet_tiny").filter(
      (f) => f.name !== "group3-shard1of1" && f.name !== "group17-shard1of1",
    );
    const error = await failure(artifactsFromFiles(files));
    expect(error.kind).toBe("missing-files");
    expect(error.message).toBe(
      "model.json needs 31 weight files; missing: group3-shard1of1, group17-shard1of1.",
    );
  });

  it("needs exactly one .json", async () => {
    const shard = fixtureFiles("mobilenet_v1_025").filter((f) => !f.name.endsWith(".json"));
    expect((await failure(artifactsFromFiles(shard))).kind).toBe("missing-files");
    const two = [...fixtureFiles("mobilenet_v1_025"), new File(["{}"], "other.json")];
    const error = await failure(artifactsFromFiles(two));
    expect(error.kind).toBe("missing-files");
    expect(error.message).toContain("model.json, other.json");
  });

  it("detects a truncated weight file", async () => {
    const files = await Promise.all(
      fixtureFiles("mobilenet_v1_025").map(async (f) =>
        f.name.endsWith(".bin")
          ? new File([(await f.arrayBuffer()).slice(0, 1_200_000)], f.name)
          : f,
      ),
    );
    const error = await failure(artifactsFromFiles(files));
    expect(error.kind).toBe("truncated");
    expect(error.message).toBe(
      "The weight file group1-shard1of1.bin is incomplete: received 1.2 MB of 1.9 MB.",
    );
  });

  it("rejects a .json that is not a model", async () => {
    const error = await failure(artifactsFromFiles([new File(['{"hello":1}'], "labels.json")]));
    expect(error.kind).toBe("not-a-model");
    expect(error.message).toBe(
      "labels.json is not a TensorFlow.js model (no modelTopology/weightsManifest).",
    );
  });
});

describe("loadClassifierFromFiles", () => {
  it("detects the format and builds a working classifier", async () => {
    const classifier = await loadClassifierFromFiles(fixtureFiles("mobilenet_v1_025"));
    expect(classifier.label).toBe("model.json");
    const shape = tf.tidy(() => classifier.logits(tf.zeros([1, 224, 224, 3])).shape);
    expect(shape).toEqual([1, 1000]);
    classifier.dispose();
  });
});
