import { createStore, type StoreApi } from "zustand/vanilla";
import { isAbort } from "../engine/abort";
import type { AttackKind } from "../engine/attackLab";
import { findImageNetModel, type ImageNetModelSpec } from "../engine/models/catalog";
import { topK } from "../engine/topK";
import type { ClassScore } from "../engine/types";
import { errorMessage } from "../lib/errorMessage";
import { fileBytes, type LoadedModel, type ModelFrom } from "../workers/imagenet/api";
import { RemoteError } from "../workers/rpc/client";
import { jobSlot } from "./jobSlot";
import type { LabStore } from "./labStore";
import { latestOnly } from "./latestOnly";

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
    source: LoadedModel["source"] | null;
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

/**
 * Chapter 4's ImageNet card: Darknet tiny, loaded on request into the ImageNet worker (as its
 * judge), judges the clean and adversarial images chapter 1 made on its own model. Results
 * for an image or attack that has since changed are dropped.
 */
export function createImagenetTransferStore(lab: StoreApi<LabStore>) {
  /** The Darknet download in progress, if any. */
  const download = jobSlot();
  const { compute } = lab.getState().actions;

  return createStore<ImagenetTransferStore>()((set, get) => {
    const patchModel = (p: Partial<ImagenetTransferState["model"]>) =>
      set({ model: { ...get().model, ...p } });
    const ready = () => get().model.status === "ready";
    const judge = async (rgba: Uint8ClampedArray, size: number): Promise<DarknetView> => {
      const probs = await compute("classify", { role: "judge", rgba, size });
      return { probs, top3: topK(probs, 3) };
    };

    const cleanJob = latestOnly<{ rgba: Uint8ClampedArray; size: number }>(async (req) => {
      // Skip images that changed meanwhile, or were judged by a request made twice.
      if (!ready() || lab.getState().image.rgba !== req.rgba) return;
      if (get().clean?.rgba === req.rgba) return;
      const view = await judge(req.rgba, req.size);
      if (lab.getState().image.rgba === req.rgba)
        set({ clean: { ...view, rgba: req.rgba }, error: null });
    });

    const advJob = latestOnly<AttackSnapshot>(async (attack) => {
      if (!ready() || get().attack !== attack || get().adversarial?.attack === attack) return;
      const view = await judge(attack.advRgba, attack.size);
      if (get().attack === attack) set({ adversarial: { ...view, attack }, error: null });
    });

    const fail = (err: unknown) =>
      set({ error: `Darknet tiny could not classify: ${errorMessage(err)}` });

    /** Asks Darknet about whatever chapter 1 shows now (no-op until Darknet is loaded). */
    function refresh(): void {
      if (!ready()) return;
      const { image } = lab.getState();
      const { attack, clean, adversarial } = get();
      if (image.rgba && clean?.rgba !== image.rgba)
        cleanJob.request({ rgba: image.rgba, size: image.size })?.catch(fail);
      if (attack && adversarial?.attack !== attack) advJob.request(attack)?.catch(fail);
    }

    /** Loads Darknet into the worker as its judge and classifies chapter 1's images with it. */
    async function adopt(from: ModelFrom, signal?: AbortSignal): Promise<void> {
      const loaded = await compute(
        "loadModel",
        { role: "judge", from },
        {
          priority: "io",
          signal,
          onProgress: ({ loaded, total }) => patchModel({ loaded, total }),
        },
      );
      await compute("adoptModel", { role: "judge" });
      patchModel({ status: "ready", source: loaded.source, error: null });
      refresh();
    }

    const actions: ImagenetTransferActions = {
      async load() {
        const status = get().model.status;
        if (status === "loading" || status === "ready") return;
        const { signal } = download.begin();
        set({ model: { ...idleModel(), status: "loading" } });
        try {
          await adopt({ catalog: DARKNET.id }, signal);
        } catch (err) {
          const aborted = isAbort(err) || (err instanceof RemoteError && err.code === "aborted");
          patchModel({
            status: aborted ? "idle" : "error",
            error: aborted ? null : errorMessage(err),
          });
        }
      },

      async loadFiles(files) {
        download.cancel();
        set({ model: { ...idleModel(), status: "loading", total: 0 } });
        const { inputRange, classOrder, label } = DARKNET;
        try {
          await adopt({ files: await fileBytes(files), inputRange, classOrder, label });
        } catch (err) {
          patchModel({ status: "error", error: errorMessage(err) });
        }
      },

      cancel() {
        download.cancel();
      },
    };

    lab.subscribe((s, prev) => {
      // A new worker (after a lost WebGL context) holds no judge: load it again (from the cache).
      if (prev.workerEpoch > 0 && s.workerEpoch !== prev.workerEpoch && ready()) {
        set({ model: idleModel(), clean: null, adversarial: null });
        void actions.load();
      }
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
