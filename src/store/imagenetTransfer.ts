import * as tf from "@tensorflow/tfjs-core";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { isAbort } from "../engine/abort";
import type { AttackKind } from "../engine/attackLab";
import { watchWebGLContext } from "../engine/backend";
import { errorMessage } from "../engine/errorMessage";
import { findImageNetModel, type ImageNetModelSpec } from "../engine/models/catalog";
import type { ImageNetClassifier } from "../engine/models/classifier";
import { abortedError, ModelLoadError } from "../engine/models/errors";
import {
  type LoadedImageNetModel,
  loadClassifierFromFiles,
  loadImageNetModel,
} from "../engine/models/loadImageNetModel";
import { fromRgbaBytes } from "../engine/pixels";
import { topK } from "../engine/topK";
import type { ClassScore } from "../engine/types";
import { labStore, whenBackendReady } from "./index";
import type { LabStore } from "./labStore";
import { latestOnly } from "./latestOnly";
import { serialQueue } from "./serialQueue";

/** The second ImageNet model of the transfer card: never loaded unless the reader asks. */
export const DARKNET: ImageNetModelSpec = (() => {
  const spec = findImageNetModel("darknet_tiny");
  if (!spec) throw new Error("The model catalog has no darknet_tiny.");
  return spec;
})();

/** Chapter 1's adversarial image and how it was made, captured when chapter 1 produced it. */
export interface AttackSnapshot {
  /** "pgd-t368-eps8": names this attack and image, for the page and tests. */
  key: string;
  cleanRgba: Uint8ClampedArray;
  advRgba: Uint8ClampedArray;
  size: number;
  epsLevel: number;
  kind: AttackKind;
  steps: number;
  targetClass: number | null;
  /** The model the attack was crafted on (chapter 1's model). */
  sourceId: string;
  sourceLabel: string;
  /** The crafting model's top-1 on the clean and the adversarial image. */
  sourceClean: ClassScore;
  sourceAdv: ClassScore;
}

/** Darknet's softmax output on one image, and its top-3. */
export interface DarknetView {
  probs: Float32Array;
  top3: ClassScore[];
}

export interface ImagenetTransferState {
  model: {
    status: "idle" | "loading" | "ready" | "error";
    loaded: number;
    total: number;
    error: string | null;
    source: LoadedImageNetModel["source"] | "files" | null;
  };
  /** Chapter 1's current adversarial image, described (null while chapter 1 computes). */
  attack: AttackSnapshot | null;
  /** Darknet on chapter 1's clean image; `rgba` is the image it judged. */
  clean: (DarknetView & { rgba: Uint8ClampedArray }) | null;
  /** Darknet on an adversarial image; `attack` is the one it judged (may lag `attack`). */
  adversarial: (DarknetView & { attack: AttackSnapshot }) | null;
  /** A classification that failed (the model stays loaded; the next change tries again). */
  error: string | null;
}

export interface ImagenetTransferActions {
  /** Downloads (or reads from the cache) Darknet tiny, then classifies chapter 1's images. */
  load(): Promise<void>;
  /** Builds Darknet tiny from the reader's copy of its files (model.json and shards), offline. */
  loadFiles(files: File[]): Promise<void>;
  /** Stops a download in progress. */
  cancel(): void;
}

export type ImagenetTransferStore = ImagenetTransferState & { actions: ImagenetTransferActions };

const idleModel = (): ImagenetTransferState["model"] => ({
  status: "idle",
  loaded: 0,
  total: DARKNET.sizeBytes,
  error: null,
  source: null,
});

/** Describes chapter 1's current adversarial image, or null if there is none. */
export function snapshotOf(s: LabStore): AttackSnapshot | null {
  const { adversarial: adv, original, image, settings, model } = s;
  if (!adv || !original || !image.rgba) return null;
  const target = settings.targetClass === null ? "u" : `t${settings.targetClass}`;
  return {
    key: `${settings.kind}-${target}-eps${adv.epsLevel}`,
    cleanRgba: image.rgba,
    advRgba: adv.advRgba,
    size: image.size,
    epsLevel: adv.epsLevel,
    kind: settings.kind,
    steps: settings.steps,
    targetClass: settings.targetClass,
    sourceId: model.id,
    sourceLabel: model.label,
    sourceClean: original.top5[0],
    sourceAdv: adv.top5[0],
  };
}

/** Softmax of `classifier` on one square RGBA image (resized if its side differs). */
async function classify(
  classifier: ImageNetClassifier,
  rgba: Uint8ClampedArray,
  size: number,
): Promise<DarknetView> {
  const s = classifier.inputSize;
  const p = tf.tidy(() => {
    let x = fromRgbaBytes(rgba, size, size).expandDims(0) as tf.Tensor4D;
    if (size !== s) x = tf.image.resizeBilinear(x, [s, s]);
    return tf.softmax(classifier.logits(x));
  });
  try {
    const probs = (await p.data()) as Float32Array;
    return { probs, top3: topK(probs, 3) };
  } finally {
    p.dispose();
  }
}

/**
 * Chapter 4's ImageNet card: Darknet tiny, loaded on request, judges the clean and adversarial
 * images chapter 1 made on its own model. The classifier lives only in this closure; every
 * job goes through one queue, and results for an image or attack that has since changed are
 * dropped.
 */
export function createImagenetTransferStore(lab: typeof labStore) {
  let classifier: ImageNetClassifier | null = null;
  let unwatch: () => void = () => {};
  let download: AbortController | null = null;
  const queue = serialQueue();

  return createStore<ImagenetTransferStore>()((set, get) => {
    const patchModel = (p: Partial<ImagenetTransferState["model"]>) =>
      set({ model: { ...get().model, ...p } });

    const cleanJob = latestOnly<{ rgba: Uint8ClampedArray; size: number }>(async (req) => {
      await queue(async () => {
        // Skip images that changed meanwhile, or were judged by a request made twice.
        if (!classifier || lab.getState().image.rgba !== req.rgba) return;
        if (get().clean?.rgba === req.rgba) return;
        const view = await classify(classifier, req.rgba, req.size);
        if (lab.getState().image.rgba === req.rgba)
          set({ clean: { ...view, rgba: req.rgba }, error: null });
      });
    });

    const advJob = latestOnly<AttackSnapshot>(async (attack) => {
      await queue(async () => {
        if (!classifier || get().attack !== attack || get().adversarial?.attack === attack) return;
        const view = await classify(classifier, attack.advRgba, attack.size);
        if (get().attack === attack) set({ adversarial: { ...view, attack }, error: null });
      });
    });

    const fail = (err: unknown) =>
      set({ error: `Darknet tiny could not classify: ${errorMessage(err)}` });

    /** Asks Darknet about whatever chapter 1 shows now (no-op until Darknet is loaded). */
    function refresh(): void {
      if (!classifier) return;
      const { image } = lab.getState();
      const { attack, clean, adversarial } = get();
      if (image.rgba && clean?.rgba !== image.rgba)
        cleanJob.request({ rgba: image.rgba, size: image.size })?.catch(fail);
      if (attack && adversarial?.attack !== attack) advJob.request(attack)?.catch(fail);
    }

    /** Every tensor died with the WebGL context: load again (from the cache) once it is back. */
    function onContextLost(): void {
      unwatch();
      classifier = null;
      const before = lab.getState().backend;
      set({ model: idleModel(), clean: null, adversarial: null });
      const stop = lab.subscribe((s) => {
        if (!s.backend || s.backend === before) return;
        stop();
        void actions.load();
      });
    }

    const actions: ImagenetTransferActions = {
      async load() {
        const status = get().model.status;
        if (status === "loading" || status === "ready") return;
        download = new AbortController();
        const signal = download.signal;
        set({ model: { ...idleModel(), status: "loading" } });
        try {
          await untilAborted(whenBackendReady(lab), signal);
          const loaded = await loadImageNetModel(DARKNET, {
            signal,
            onProgress: (bytes, total) => patchModel({ loaded: bytes, total }),
          });
          await adopt(loaded.classifier, loaded.source);
        } catch (err) {
          const aborted = isAbort(err) || (err instanceof ModelLoadError && err.kind === "aborted");
          patchModel({
            status: aborted ? "idle" : "error",
            error: aborted ? null : errorMessage(err),
          });
        } finally {
          download = null;
        }
      },

      async loadFiles(files) {
        download?.abort();
        set({ model: { ...idleModel(), status: "loading", total: 0 } });
        try {
          await whenBackendReady(lab);
          const loaded = await loadClassifierFromFiles(files, {
            classOrder: DARKNET.classOrder,
            label: DARKNET.label,
          });
          await adopt(loaded, "files");
        } catch (err) {
          patchModel({ status: "error", error: errorMessage(err) });
        }
      },

      cancel() {
        download?.abort();
      },
    };

    /** Puts a freshly loaded Darknet in use and classifies chapter 1's images with it. */
    async function adopt(
      loaded: ImageNetClassifier,
      source: ImagenetTransferState["model"]["source"],
    ): Promise<void> {
      // Swapped inside the queue: a classification in flight keeps the model it started with.
      await queue(async () => {
        classifier?.dispose();
        classifier = loaded;
      });
      unwatch();
      unwatch = watchWebGLContext(onContextLost);
      patchModel({ status: "ready", source, error: null });
      refresh();
    }

    lab.subscribe((s, prev) => {
      const imageChanged = s.image.rgba !== prev.image.rgba;
      if (imageChanged) {
        cleanJob.cancel();
        set({ clean: null, adversarial: null });
      }
      if (imageChanged || s.adversarial !== prev.adversarial) {
        if (s.adversarial === null) advJob.cancel();
        set({ attack: snapshotOf(s) });
      }
      refresh();
    });

    return {
      model: idleModel(),
      attack: snapshotOf(lab.getState()),
      clean: null,
      adversarial: null,
      error: null,
      actions,
    };
  });
}

/** The page's one transfer-card store. */
export const imagenetTransferStore = createImagenetTransferStore(labStore);

/** Reads from the transfer-card store; pass a module-level selector. */
export function useImagenetTransfer<T>(selector: (s: ImagenetTransferStore) => T): T {
  return useStore(imagenetTransferStore, selector);
}

export const selectTransferModel = (s: ImagenetTransferStore) => s.model;
export const selectTransferActions = (s: ImagenetTransferStore) => s.actions;
export const selectTransferAttack = (s: ImagenetTransferStore) => s.attack;
export const selectDarknetClean = (s: ImagenetTransferStore) => s.clean;
export const selectDarknetAdversarial = (s: ImagenetTransferStore) => s.adversarial;
export const selectTransferError = (s: ImagenetTransferStore) => s.error;

/** `promise`, or a rejection with kind 'aborted' as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
