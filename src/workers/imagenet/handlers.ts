import * as tf from "@tensorflow/tfjs-core";
import { abortError, throwIfAborted } from "../../engine/abort";
import { AttackLab, type LabControl } from "../../engine/attackLab";
import { compareInJob } from "../../engine/attacks/zoo/compare";
import { ensureGradientBackend, type initBackend, watchWebGLContext } from "../../engine/backend";
import type { BackendStatus } from "../../engine/backendNames";
import { findImageNetModel } from "../../engine/models/catalog";
import type { ImageNetClassifier } from "../../engine/models/classifier";
import { classifyImage } from "../../engine/models/classifyImage";
import type { FetchFn } from "../../engine/models/fetchArtifacts";
import {
  loadClassifierFromFiles,
  loadImageNetModel,
  type TensorWork,
} from "../../engine/models/loadImageNetModel";
import type { Handlers, Job } from "../rpc/serve";
import type { ImagenetApi, LoadedModel, ModelFrom, ModelRole } from "./api";
import { chapter1Timings } from "./timings";

export interface ImagenetSetup {
  startBackend: typeof initBackend;
  /** Defaults to the global fetch (tests read the app's files from disk). */
  fetchFn?: FetchFn;
}

/** Builds a classifier from the catalog or from files; its tensor work waits for a turn. */
async function loadClassifier(
  from: ModelFrom,
  job: Job<{ loaded: number; total: number }>,
  fetchFn: FetchFn,
  baseUrl: string,
): Promise<{ classifier: ImageNetClassifier; source: LoadedModel["source"] }> {
  const work: TensorWork = { withTensors: job.exclusive };
  if ("files" in from) {
    const files = from.files.map((f) => new File([f.bytes], f.name));
    const classifier = await loadClassifierFromFiles(files, { ...from, ...work });
    return { classifier, source: "files" };
  }
  const spec = findImageNetModel(from.catalog);
  if (!spec) throw new Error(`There is no model "${from.catalog}" in the catalog.`);
  const onProgress = (loaded: number, total: number) => job.progress({ loaded, total });
  return loadImageNetModel(spec, { signal: job.signal, onProgress, fetchFn, baseUrl, ...work });
}

/**
 * The ImageNet worker's handlers: chapter 1's classifier, image and AttackLab, and chapter 4's
 * judge (Darknet). Tensors live only here; every reply is plain data.
 */
export function createImagenetHandlers(setup: ImagenetSetup): Handlers<ImagenetApi> {
  let status: BackendStatus | null = null;
  let pageUrl = "";
  const models: Partial<Record<ModelRole, ImageNetClassifier>> = {};
  const candidates: Partial<Record<ModelRole, ImageNetClassifier>> = {};
  let lab: AttackLab | null = null;

  const fetchFn: FetchFn = (url, init) => (setup.fetchFn ?? fetch)(url, init);
  const model = (role: ModelRole) => {
    const m = models[role];
    if (!m) throw new Error("No classifier is loaded yet.");
    return m;
  };
  const currentLab = () => {
    if (!lab) throw new Error("No image is set yet.");
    return lab;
  };
  /** A lab call's control: waiting jobs run between PGD steps; a replaced lab stops it. */
  const control = (job: Job<never>, mine: AttackLab): LabControl => ({
    signal: job.signal,
    async between() {
      await job.checkpoint();
      if (lab !== mine) throw abortError("The image or model changed.");
    },
  });
  const dropLab = () => {
    lab?.dispose();
    lab = null;
  };

  return {
    async start(args) {
      pageUrl = args.pageUrl;
      status = await setup.startBackend(args.backend, args.wasmPath);
      return status;
    },

    async loadModel({ role, from }, job) {
      candidates[role]?.dispose();
      delete candidates[role];
      const { classifier, source } = await loadClassifier(from, job, fetchFn, pageUrl);
      if (job.signal.aborted) {
        classifier.dispose();
        throwIfAborted(job.signal);
      }
      candidates[role]?.dispose(); // one nobody adopted (its page call was superseded)
      candidates[role] = classifier;
      const { id, label, inputSize } = classifier;
      return { id, label, inputSize, source };
    },

    async adoptModel({ role }) {
      const next = candidates[role];
      if (!next) throw new Error("That model was replaced by a newer request.");
      delete candidates[role];
      if (role === "attack") dropLab();
      models[role]?.dispose();
      models[role] = next;
      return null;
    },

    async setImage({ rgba, size }) {
      dropLab();
      const m = model("attack");
      if (size !== m.inputSize)
        throw new Error(`The image is ${size} px; ${m.label} takes ${m.inputSize}.`);
      const mine = new AttackLab(m.logits, rgba, size);
      lab = mine;
      return mine.cleanProbs();
    },

    async setPlan({ plan }) {
      const mine = currentLab();
      if (!status) throw new Error("The backend has not started.");
      status = (await ensureGradientBackend(status)) ?? status;
      await mine.setPlan(plan);
      return status;
    },

    async view({ level }, job) {
      const mine = currentLab();
      return mine.view(level, control(job, mine));
    },

    async sweep({ levels }, job) {
      const mine = currentLab();
      return mine.sweep(levels, control(job, mine));
    },

    async zooCompare({ attacks, target }, job) {
      const mine = currentLab();
      if (!status) throw new Error("The backend has not started.");
      status = (await ensureGradientBackend(status)) ?? status;
      const request = { attacks, target, domain: "photo" as const };
      // A new image or model (set between two steps) stops the comparison.
      const guarded = { ...control(job, mine), progress: job.progress };
      return compareInJob(model("attack").logits, mine.clean, request, guarded);
    },

    async classify({ role, rgba, size }) {
      return classifyImage(model(role), rgba, size);
    },

    contextLost: (_, job) =>
      new Promise((resolve, reject) => {
        const stop = watchWebGLContext(() => {
          stop();
          resolve(null);
        });
        job.signal.addEventListener("abort", () => {
          stop();
          reject(abortError());
        });
      }),

    memory: async () => ({ numTensors: tf.memory().numTensors }),

    timings: async (args) => chapter1Timings(model("attack"), currentLab(), args),
  };
}
