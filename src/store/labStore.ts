import { createStore } from "zustand/vanilla";
import { AttackLab, type AttackPlan } from "../engine/attackLab";
import { MAX_EPSILON_LEVELS } from "../engine/attacks/params";
import {
  type BackendName,
  ensureGradientBackend,
  exposeForDebugging,
  initBackend,
  restartWebGL,
  watchWebGLContext,
} from "../engine/backend";
import { findImageNetModel, IMAGENET_MODELS } from "../engine/models/catalog";
import type { ImageNetClassifier } from "../engine/models/classifier";
import { loadClassifierFromFiles, loadImageNetModel } from "../engine/models/loadImageNetModel";
import { argMax, topK } from "../engine/topK";
import { fetchImageBlob, loadSquareImage } from "../media/loadImage";
import { GALLERY } from "./gallery";
import { isAbort, latestOnly } from "./latestOnly";
import { serialQueue } from "./serialQueue";
import type { AttackSettings, LabState } from "./types";

export interface LabActions {
  init(preferredBackend?: BackendName): Promise<void>;
  selectModel(id: string): Promise<void>;
  loadModelFiles(files: File[], inputRange: InputRange): Promise<void>;
  selectPhoto(id: string): Promise<void>;
  loadImageFile(file: Blob, name: string): Promise<void>;
  setEpsLevel(level: number): void;
  updateSettings(patch: Partial<Omit<AttackSettings, "epsLevel">>): void;
  computeSweep(): void;
  dismissNotice(): void;
}

export type LabStore = LabState & { actions: LabActions };

const DEFAULT_MODEL = IMAGENET_MODELS[0];
const SWEEP_LEVELS = Array.from({ length: MAX_EPSILON_LEVELS + 1 }, (_, k) => k);

export const initialLabState = (): LabState => ({
  backend: null,
  model: {
    id: DEFAULT_MODEL.id,
    label: DEFAULT_MODEL.label,
    status: "idle",
    loaded: 0,
    total: 0,
    error: null,
    source: null,
  },
  image: {
    id: "",
    caption: "",
    credit: null,
    sourceUrl: null,
    status: "idle",
    rgba: null,
    size: 224,
    error: null,
  },
  settings: { kind: "fgsm", epsLevel: 4, targetClass: null, steps: 10, randomStart: false },
  original: null,
  adversarial: null,
  sweep: null,
  working: null,
  busy: 0,
  notice: null,
});

/**
 * The lab store: plain data for the views, and actions that drive the engine.
 * Tensors live only in this closure (the classifier and the AttackLab), never
 * in the state; every engine call goes through one serial queue.
 */
export function createLabStore() {
  let classifier: ImageNetClassifier | null = null;
  let lab: AttackLab | null = null;
  let imageBlob: Blob | null = null;
  /** The files of a model loaded from disk, kept to rebuild it after a lost WebGL context. */
  let modelFiles: { files: File[]; inputRange: InputRange } | null = null;
  let generation = 0;
  let modelRequest = 0;
  const queue = serialQueue();

  const store = createStore<LabStore>()((set, get) => {
    const patchModel = (p: Partial<LabState["model"]>) => set({ model: { ...get().model, ...p } });
    const patchImage = (p: Partial<LabState["image"]>) => set({ image: { ...get().image, ...p } });
    /** Queues an engine job; `busy` counts jobs queued or running, so the page (and tests) can tell when it is idle. */
    const enqueue = <R>(job: () => Promise<R>): Promise<R> => {
      set({ busy: get().busy + 1 });
      return queue(job).finally(() => set({ busy: get().busy - 1 }));
    };
    const fail = (err: unknown) =>
      set({ working: null, notice: { kind: "error", text: message(err) } });

    /** One slider value: one forward pass (FGSM) or a cached/aborted PGD run. */
    const viewer = latestOnly<number>(async (level, signal) => {
      const gen = generation;
      await enqueue(async () => {
        if (!lab || gen !== generation || signal.aborted) return;
        const { kind, steps } = get().settings;
        if (kind === "pgd") set({ working: `Running ${steps}-step PGD at ε = ${level}/255…` });
        const v = await lab.view(level, signal).finally(() => set({ working: null }));
        if (gen !== generation) return;
        const top5 = topK(v.probs, 5);
        set({
          adversarial: {
            epsLevel: level,
            top5,
            top1: top5[0].classIndex,
            advRgba: v.advRgba,
            perturbRgba: v.perturbRgba,
            gain: v.gain,
          },
        });
      });
    });

    const sweeper = latestOnly<number>(async (gen, signal) => {
      await enqueue(async () => {
        if (!lab || gen !== generation) return;
        set({ sweep: { levels: SWEEP_LEVELS, probs: [], status: "running" } });
        await lab.sweep(
          SWEEP_LEVELS,
          (_done, probs) => {
            if (gen === generation)
              set({ sweep: { levels: SWEEP_LEVELS, probs: [...probs], status: "running" } });
          },
          signal,
        );
        if (gen === generation)
          set({ sweep: { levels: SWEEP_LEVELS, probs: get().sweep?.probs ?? [], status: "done" } });
      });
    });

    /** Re-plans the attack after a change of image, model or settings. */
    function replan(): Promise<void> {
      const gen = ++generation;
      viewer.cancel();
      sweeper.cancel();
      return enqueue(async () => {
        const { original, settings } = get();
        if (!lab || !original || gen !== generation) return;
        set({
          backend: await ensureGradientBackend(get().backend),
          working: settings.kind === "fgsm" ? "Computing the input gradient…" : null,
          sweep: null,
        });
        const plan: AttackPlan = {
          kind: settings.kind,
          label: settings.targetClass ?? original.top1,
          targeted: settings.targetClass !== null,
          steps: settings.steps,
          randomStart: settings.randomStart,
        };
        await lab.setPlan(plan);
        set({ working: null });
      }).then(() => {
        if (gen !== generation) return;
        viewer.request(get().settings.epsLevel);
        if (get().settings.kind === "fgsm") sweeper.request(gen);
        else set({ sweep: { levels: SWEEP_LEVELS, probs: [], status: "idle" } });
      }, fail);
    }

    /** Builds a fresh AttackLab when both a classifier and an image are ready. */
    function rebuild(): Promise<void> {
      const gen = ++generation;
      viewer.cancel();
      sweeper.cancel();
      return enqueue(async () => {
        const rgba = get().image.rgba;
        lab?.dispose();
        lab = null;
        set({ original: null, adversarial: null, sweep: null });
        if (!classifier || !rgba || gen !== generation) return;
        set({ working: "Classifying the image…" });
        lab = new AttackLab(classifier.logits, rgba, classifier.inputSize);
        const probs = await lab.cleanProbs();
        set({ original: { top5: topK(probs, 5), top1: argMax(probs) }, working: null });
      }).then(() => (gen === generation ? replan() : undefined), fail);
    }

    async function adoptImage(blob: Blob, meta: Partial<LabState["image"]>): Promise<void> {
      const size = classifier?.inputSize ?? 224;
      const square = await loadSquareImage(blob, size);
      imageBlob = blob;
      patchImage({ ...meta, status: "ready", rgba: square.rgba, size, error: null });
      await rebuild();
    }

    /** Loads a classifier and swaps it in, unless a newer model request came meanwhile. */
    async function adoptClassifier(
      load: () => Promise<{ classifier: ImageNetClassifier; source: LabState["model"]["source"] }>,
    ): Promise<void> {
      const request = ++modelRequest;
      const loaded = await load();
      if (request !== modelRequest) {
        loaded.classifier.dispose();
        return;
      }
      await enqueue(async () => {
        lab?.dispose();
        lab = null;
        classifier?.dispose();
        classifier = loaded.classifier;
      });
      patchModel({
        status: "ready",
        source: loaded.source,
        error: null,
        label: loaded.classifier.label,
        id: loaded.classifier.id,
      });
      if (imageBlob && get().image.size !== loaded.classifier.inputSize) {
        await adoptImage(imageBlob, {});
      } else await rebuild();
    }

    /** After a lost WebGL context every tensor is gone: rebuild from what we kept. */
    async function recoverContext(): Promise<void> {
      set({ working: "The graphics context was lost: restoring the model and image…" });
      lab = null;
      classifier = null;
      set({ backend: await restartWebGL() });
      watchWebGLContext(() => void recoverContext());
      const spec = findImageNetModel(get().model.id);
      if (modelFiles)
        await adoptClassifier(() => fromFiles(modelFiles as NonNullable<typeof modelFiles>));
      else if (spec) await adoptClassifier(() => loadImageNetModel(spec, {}));
      set({
        working: null,
        notice: { kind: "info", text: "The graphics context was lost and has been restored." },
      });
    }

    const actions: LabActions = {
      async init(preferredBackend = "webgl") {
        try {
          const backend = await initBackend(preferredBackend);
          set({ backend });
          watchWebGLContext(() => void recoverContext());
          exposeForDebugging({ store, classifier: () => classifier, lab: () => lab });
        } catch (err) {
          fail(err);
          return;
        }
        await Promise.all([
          actions.selectModel(DEFAULT_MODEL.id),
          actions.selectPhoto(GALLERY[0].id),
        ]);
      },

      async selectModel(id) {
        const spec = findImageNetModel(id);
        if (!spec) return;
        modelFiles = null;
        patchModel({
          id,
          label: spec.label,
          status: "loading",
          loaded: 0,
          total: spec.sizeBytes,
          error: null,
        });
        try {
          await adoptClassifier(() =>
            loadImageNetModel(spec, {
              onProgress: (loaded, total) => patchModel({ loaded, total }),
            }),
          );
        } catch (err) {
          patchModel({ status: "error", error: message(err) });
        }
      },

      async loadModelFiles(files, inputRange) {
        const previous = get().model;
        patchModel({ status: "loading", loaded: 0, total: 0, error: null });
        try {
          await adoptClassifier(() => fromFiles({ files, inputRange }));
          modelFiles = { files, inputRange };
        } catch (err) {
          // The model in use stays; only the message is new.
          patchModel({ ...previous, status: classifier ? "ready" : "error" });
          set({ notice: { kind: "error", text: message(err) } });
        }
      },

      async selectPhoto(id) {
        const photo = GALLERY.find((p) => p.id === id);
        if (!photo) return;
        const previous = get().image;
        patchImage({ status: "loading", error: null });
        try {
          await adoptImage(await fetchImageBlob(photo.url, photo.label.toLowerCase()), {
            id,
            caption: photo.label,
            credit: photo.credit,
            sourceUrl: photo.sourceUrl,
          });
        } catch (err) {
          patchImage({
            ...previous,
            status: previous.rgba ? "ready" : "error",
            error: message(err),
          });
          set({ notice: { kind: "error", text: message(err) } });
        }
      },

      async loadImageFile(file, name) {
        try {
          await adoptImage(file, {
            id: `upload:${name}`,
            caption: name,
            credit: null,
            sourceUrl: null,
          });
          set({ notice: null });
        } catch (err) {
          // Bad input: say why, keep the current image, model and settings.
          set({ notice: { kind: "error", text: `${name}: ${message(err)}` } });
        }
      },

      setEpsLevel(level) {
        const epsLevel = Math.max(0, Math.min(MAX_EPSILON_LEVELS, Math.round(level)));
        // Request first: the forward pass is queued on the GPU before React re-renders.
        viewer.request(epsLevel, get().settings.kind === "pgd");
        set({ settings: { ...get().settings, epsLevel } });
      },

      updateSettings(patch) {
        set({ settings: { ...get().settings, ...patch } });
        void replan();
      },

      computeSweep() {
        sweeper.request(generation, true);
      },

      dismissNotice() {
        set({ notice: null });
      },
    };

    return { ...initialLabState(), actions };
  });
  return store;
}

/** The value range a model loaded from disk expects its pixels in. */
export type InputRange = [number, number];

async function fromFiles(m: { files: File[]; inputRange: InputRange }) {
  const classifier = await loadClassifierFromFiles(m.files, { inputRange: m.inputRange });
  return { classifier, source: "files" as const };
}

function message(err: unknown): string {
  if (isAbort(err)) return "Cancelled.";
  return err instanceof Error ? err.message : String(err);
}
