import { createStore } from "zustand/vanilla";
import { isAbort } from "../engine/abort";
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
import { errorMessage } from "../engine/errorMessage";
import { findImageNetModel, IMAGENET_MODELS } from "../engine/models/catalog";
import type { ImageNetClassifier } from "../engine/models/classifier";
import { ModelLoadError } from "../engine/models/errors";
import { loadClassifierFromFiles, loadImageNetModel } from "../engine/models/loadImageNetModel";
import { nextLevels } from "../engine/sweepSummary";
import { argMax, topK } from "../engine/topK";
import { fetchImageBlob, loadSquareImage } from "../media/loadImage";
import { GALLERY } from "./gallery";
import { latestOnly } from "./latestOnly";
import { serialQueue } from "./serialQueue";
import { STORIES, type StoryId } from "./stories";
import type { AttackSettings, LabState, SweepState } from "./types";

export interface LabActions {
  init(preferredBackend?: BackendName): Promise<void>;
  selectModel(id: string): Promise<void>;
  loadModelFiles(files: File[], inputRange: InputRange): Promise<void>;
  selectPhoto(id: string): Promise<void>;
  loadImageFile(file: Blob, name: string): Promise<void>;
  setEpsLevel(level: number): void;
  updateSettings(patch: Partial<Omit<AttackSettings, "epsLevel">>): void;
  /** One click to a story of chapter 1: its attack, goal and epsilon. */
  tellStory(id: StoryId): void;
  /** Chapter 1 scrolled in or out of view: its background sweep pauses while it is out. */
  setInView(inView: boolean): void;
  dismissNotice(): void;
}

export type LabStore = LabState & { actions: LabActions };

const DEFAULT_MODEL = IMAGENET_MODELS[0];
const SWEEP_LEVELS = Array.from({ length: MAX_EPSILON_LEVELS + 1 }, (_, k) => k);
/** FGSM levels share one gradient: they are classified in batches of this many. */
const FGSM_BATCH = 11;
/** Names a plan: "fgsm-u" (untargeted) or "pgd-t368-10" (target 368, 10 steps; "r": random start). */
const planKey = ({ kind, targeted, label, steps, randomStart }: AttackPlan): string =>
  `${kind}-${targeted ? `t${label}` : "u"}${kind === "pgd" ? `-${steps}${randomStart ? "r" : ""}` : ""}`;
const emptySweep = (plan: AttackPlan): SweepState => ({
  plan: planKey(plan),
  levels: SWEEP_LEVELS,
  probs: SWEEP_LEVELS.map(() => null),
  status: "filling",
});

export const initialLabState = (): LabState => ({
  backend: null,
  model: {
    id: DEFAULT_MODEL.id,
    label: DEFAULT_MODEL.label,
    status: "idle",
    loaded: 0,
    total: 0,
    source: null,
    failure: null,
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
  settings: { ...STORIES.gibbon },
  original: null,
  adversarial: null,
  sweep: null,
  working: null,
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
  let download: AbortController | null = null;
  let inView = true;
  /** The generation whose sweep fill loop is running (-1: none), and how to stop it. */
  let fillingGeneration = -1;
  let fillAbort: AbortController | null = null;
  let queue = serialQueue();

  const store = createStore<LabStore>()((set, get) => {
    const patchModel = (p: Partial<LabState["model"]>) => set({ model: { ...get().model, ...p } });
    const patchImage = (p: Partial<LabState["image"]>) => set({ image: { ...get().image, ...p } });
    /** Queues an engine job behind the others (one at a time on the backend's tensors). */
    const enqueue = <R>(job: () => Promise<R>): Promise<R> => queue(job);
    const fail = (err: unknown) =>
      set({ working: null, notice: { kind: "error", text: message(err) } });
    /** A model failed to load: the model in use (if any) stays, named, and the failure is said once. */
    const failModel = (
      inUse: LabState["model"] | null,
      { id, label, err }: { id: string; label: string; err: unknown },
    ) => {
      const needsNetwork =
        err instanceof ModelLoadError && (err.kind === "offline" || err.kind === "http");
      const failure = { id, label, message: message(err), needsNetwork };
      patchModel(inUse ? { ...inUse, status: "ready", failure } : { status: "error", failure });
    };

    /** One slider value: one forward pass (FGSM) or a cached/aborted PGD run. */
    const viewer = latestOnly<number>(async (level, signal) => {
      const gen = generation;
      await enqueue(async () => {
        if (!lab || gen !== generation || signal.aborted) return;
        const { steps } = get().settings;
        if (!lab.has(level)) set({ working: `Running ${steps}-step PGD at ε = ${level}/255…` });
        const v = await lab.view(level, signal).finally(() => set({ working: null }));
        if (gen !== generation) return;
        record([level], [v.probs]);
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

    /** Puts computed levels into the sweep (the slider's results feed it too). */
    function record(levels: number[], probs: Float32Array[]): void {
      const sweep = get().sweep;
      if (!sweep) return;
      const next = [...sweep.probs];
      levels.forEach((k, i) => {
        next[k] = probs[i];
      });
      set({ sweep: { ...sweep, probs: next } });
    }

    const setSweepStatus = (status: SweepState["status"]) => {
      const sweep = get().sweep;
      if (sweep && sweep.status !== status) set({ sweep: { ...sweep, status } });
    };

    /**
     * Computes the sweep's missing levels in the background, nearest the slider first, one queue
     * job at a time (a batch of FGSM levels, or one PGD run), so a slider move waits for one job
     * at most; once a level is ready, showing it costs one forward pass. Pauses out of view.
     */
    async function fill(gen: number): Promise<void> {
      if (fillingGeneration === gen) return;
      fillingGeneration = gen;
      const controller = new AbortController();
      fillAbort = controller;
      try {
        for (;;) {
          const sweep = get().sweep;
          if (!sweep || gen !== generation) return;
          const { kind, epsLevel } = get().settings;
          const levels = nextLevels(sweep.probs, epsLevel, kind === "fgsm" ? FGSM_BATCH : 1);
          if (levels.length === 0) return setSweepStatus("done");
          if (!inView) return setSweepStatus("paused");
          setSweepStatus("filling");
          const progressed = await enqueue(async () => {
            if (!lab || gen !== generation) return false;
            const probs = await lab.sweep(levels, undefined, controller.signal);
            if (gen === generation) record(levels, probs);
            return true;
          });
          // No lab (a model or image swap is under way): its rebuild starts a new fill.
          if (!progressed) return;
        }
      } catch (err) {
        if (!isAbort(err)) fail(err);
      } finally {
        if (fillingGeneration === gen) fillingGeneration = -1;
      }
    }

    /** Stops the slider's job and the sweep fill of the current generation. */
    function stopWork(): number {
      viewer.cancel();
      fillAbort?.abort();
      return ++generation;
    }

    /** Re-plans the attack after a change of image, model or settings. */
    function replan(): Promise<void> {
      const gen = stopWork();
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
        return plan;
      }).then((plan) => {
        if (!plan || gen !== generation) return;
        set({ sweep: emptySweep(plan) });
        viewer.request(get().settings.epsLevel);
        void fill(gen);
      }, fail);
    }

    /** Builds a fresh AttackLab when both a classifier and an image are ready. */
    function rebuild(): Promise<void> {
      const gen = stopWork();
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

    /** Starts a model request: an older download is aborted and its callbacks go quiet. */
    function newModelRequest(): ModelRequest {
      download?.abort();
      const controller = new AbortController();
      download = controller;
      const request = ++modelRequest;
      return { signal: controller.signal, isCurrent: () => request === modelRequest };
    }

    /** Loads a classifier and swaps it in, unless a newer model request came meanwhile. */
    async function adoptClassifier(
      req: ModelRequest,
      load: () => Promise<{ classifier: ImageNetClassifier; source: LabState["model"]["source"] }>,
    ): Promise<void> {
      const loaded = await load();
      if (!req.isCurrent()) {
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
        failure: null,
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
      // A job on the dead context may never settle: stop it, and queue from now on afresh.
      stopWork();
      queue = serialQueue();
      lab = null;
      classifier = null;
      set({ backend: await restartWebGL() });
      watchWebGLContext(() => void recoverContext());
      const spec = findImageNetModel(get().model.id);
      const files = modelFiles;
      if (files) await adoptClassifier(newModelRequest(), () => fromFiles(files));
      else if (spec) await adoptClassifier(newModelRequest(), () => loadImageNetModel(spec, {}));
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
        const req = newModelRequest();
        const inUse = classifier ? get().model : null;
        patchModel({
          ...{ id, label: spec.label, status: "loading", loaded: 0, total: spec.sizeBytes },
          failure: null,
        });
        try {
          await adoptClassifier(req, () =>
            loadImageNetModel(spec, {
              signal: req.signal,
              onProgress: (loaded, total) => req.isCurrent() && patchModel({ loaded, total }),
            }),
          );
          if (req.isCurrent()) modelFiles = null;
        } catch (err) {
          if (req.isCurrent()) failModel(inUse, { id, label: spec.label, err });
        }
      },

      async loadModelFiles(files, inputRange) {
        const req = newModelRequest();
        const inUse = classifier ? get().model : null;
        patchModel({ status: "loading", loaded: 0, total: 0, failure: null });
        try {
          await adoptClassifier(req, () => fromFiles({ files, inputRange }));
          if (req.isCurrent()) modelFiles = { files, inputRange };
        } catch (err) {
          const label = files.find((f) => f.name.endsWith(".json"))?.name ?? "The model files";
          if (req.isCurrent()) failModel(inUse, { id: "files", label, err });
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

      tellStory(id) {
        set({ settings: { ...STORIES[id] } });
        void replan();
      },

      setInView(visible) {
        inView = visible;
        if (visible && get().sweep?.status === "paused") void fill(generation);
      },

      dismissNotice() {
        set({ notice: null });
      },
    };

    return { ...initialLabState(), actions };
  });
  return store;
}

/** One model load: its abort signal, and whether it is still the newest request. */
interface ModelRequest {
  signal: AbortSignal;
  isCurrent(): boolean;
}

/** The value range a model loaded from disk expects its pixels in. */
export type InputRange = [number, number];

async function fromFiles(m: { files: File[]; inputRange: InputRange }) {
  const classifier = await loadClassifierFromFiles(m.files, { inputRange: m.inputRange });
  return { classifier, source: "files" as const };
}

function message(err: unknown): string {
  return isAbort(err) ? "Cancelled." : errorMessage(err);
}
