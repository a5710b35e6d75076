/**
 * Wraps loaded ImageNet model artifacts as a LogitsFn with one contract for every model:
 * images [N,S,S,3] in [0,1] in, logits [N,1000] in the standard class order out.
 */

import { type GraphModel, loadGraphModel } from "@tensorflow/tfjs-converter";
import * as tf from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { errorMessage } from "../../lib/errorMessage";
import type { LogitsFn } from "../types";
import type { ClassOrder, ImageNetModelSpec } from "./catalog";
import { standardOrderGather } from "./classOrder";
import { ModelLoadError } from "./errors";

/** A ready ImageNet classifier. Call `dispose()` to free its weights. */
export interface ImageNetClassifier {
  /** Catalog id (or a name for user-loaded models). */
  readonly id: string;
  /** Human-readable name. */
  readonly label: string;
  /** Side S of the square input, read from the model (224 if the model does not fix it). */
  readonly inputSize: number;
  /** Always 1000: a 1001st "background" logit is dropped. */
  readonly numClasses: 1000;
  /** [N,S,S,3] images in [0,1] -> [N,1000] logits in the standard order. Differentiable. */
  readonly logits: LogitsFn;
  /** Frees the model's weights; the classifier must not be used afterwards. */
  dispose(): void;
}

/** How to interpret the artifacts (the relevant fields of an ImageNetModelSpec). */
export interface ClassifierOptions {
  id: string;
  label: string;
  format: ImageNetModelSpec["format"];
  /** Range the model expects; [0,1] images are rescaled linearly to it. */
  inputRange: [number, number];
  /** Order of the model's logits (default standard). */
  classOrder?: ClassOrder;
}

/** Input side when the model leaves it open. */
const DEFAULT_INPUT_SIZE = 224;

type AnyModel = GraphModel | LayersModel;

async function loadModel(
  artifacts: tf.io.ModelArtifacts,
  format: ClassifierOptions["format"],
): Promise<AnyModel> {
  try {
    const handler = tf.io.fromMemory(artifacts);
    if (format === "graph") return await loadGraphModel(handler);
    // Layers models (Darknet, some files) are rarer: their half of tfjs loads only for them.
    const { loadLayersModel } = await import("@tensorflow/tfjs-layers");
    return await loadLayersModel(handler);
  } catch (error) {
    const detail = errorMessage(error);
    throw new ModelLoadError(
      "not-a-model",
      `TensorFlow.js could not build a ${format} model from these files: ${detail}`,
      { cause: error },
    );
  }
}

/** Square input side from the model's input shape, or the default if it is not fixed. */
function inputSizeOf(model: AnyModel): number {
  if (model.inputs.length !== 1) {
    throw new ModelLoadError(
      "not-a-model",
      `This model takes ${model.inputs.length} inputs; an image classifier takes one.`,
    );
  }
  const shape = model.inputs[0].shape ?? [];
  const [, h, w, c] = shape;
  if (shape.length !== 4 || (c != null && c !== -1 && c !== 3)) {
    throw new ModelLoadError(
      "not-a-model",
      `This model's input has shape [${shape.join(",")}]; an image classifier takes [N,S,S,3].`,
    );
  }
  const fixed = (d: number | null | undefined): d is number => d != null && d > 0;
  if (fixed(h) && fixed(w) && h !== w) {
    throw new ModelLoadError(
      "not-a-model",
      `This model expects ${h}x${w} images; only square inputs are supported.`,
    );
  }
  return fixed(h) ? h : fixed(w) ? w : DEFAULT_INPUT_SIZE;
}

function runModel(model: AnyModel, x: tf.Tensor): tf.Tensor {
  const out = model.predict(x);
  if (!(out instanceof tf.Tensor)) {
    const n = Array.isArray(out) ? out.length : Object.keys(out).length;
    throw new ModelLoadError(
      "wrong-classes",
      `This model has ${n} output tensors; an ImageNet classifier has one.`,
    );
  }
  return out;
}

/** Dry run on zeros: returns the number of logits, or throws 'wrong-classes'. */
function checkOutput(model: AnyModel, size: number, classOrder: ClassOrder | undefined): number {
  const shape = tf.tidy(() => runModel(model, tf.zeros([1, size, size, 3])).shape);
  const n = shape[1] ?? 0;
  if (shape.length !== 2) {
    throw new ModelLoadError(
      "wrong-classes",
      `This model outputs shape [${shape.join(",")}]; an ImageNet classifier outputs [N,1000] or [N,1001].`,
    );
  }
  const allowed = classOrder === "darknet" ? [1000] : [1000, 1001];
  if (!allowed.includes(n)) {
    throw new ModelLoadError(
      "wrong-classes",
      `This model has ${n} outputs; an ImageNet classifier needs ${allowed.join(" or ")}.`,
    );
  }
  return n;
}

/**
 * Builds a classifier from artifacts (network, cache or files). Checks with a dry run that the
 * model maps [1,S,S,3] to 1000 or 1001 logits; a 1001st logit (index 0, TF Hub "background")
 * is dropped, Darknet-ordered logits are permuted to the standard order.
 * Throws ModelLoadError 'not-a-model' or 'wrong-classes' (the model is disposed then).
 */
export async function createClassifier(
  artifacts: tf.io.ModelArtifacts,
  options: ClassifierOptions,
): Promise<ImageNetClassifier> {
  const model = await loadModel(artifacts, options.format);
  let size: number;
  let numOutputs: number;
  try {
    size = inputSizeOf(model);
    numOutputs = checkOutput(model, size, options.classOrder);
  } catch (error) {
    model.dispose();
    if (error instanceof ModelLoadError) throw error;
    const detail = errorMessage(error);
    throw new ModelLoadError("not-a-model", `This model failed a test run: ${detail}`, {
      cause: error,
    });
  }
  const [lo, hi] = options.inputRange;
  const gather = standardOrderGather(options.classOrder);
  let disposed = false;

  const logits: LogitsFn = (x) =>
    tf.tidy(() => {
      if (disposed) throw new Error(`Classifier ${options.id} has been disposed.`);
      const [, h, w, c] = x.shape;
      if (x.rank !== 4 || h !== size || w !== size || c !== 3) {
        throw new Error(`Expected images [N,${size},${size},3], got [${x.shape.join(",")}].`);
      }
      const scaled = lo === 0 && hi === 1 ? x : tf.add(tf.mul(x, hi - lo), lo);
      let out = runModel(model, scaled) as tf.Tensor2D;
      if (numOutputs === 1001) out = tf.slice(out, [0, 1], [-1, 1000]);
      if (gather !== null) out = tf.gather(out, tf.tensor1d(gather as number[], "int32"), 1);
      return out;
    });

  return {
    id: options.id,
    label: options.label,
    inputSize: size,
    numClasses: 1000,
    logits,
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}
