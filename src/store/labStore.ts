import { createStore } from "zustand/vanilla";
import { isAbort } from "../engine/abort";
import type { AttackPlan } from "../engine/attackLab";
import { MAX_EPSILON_LEVELS } from "../engine/attacks/params";
import type { BackendPreference } from "../engine/backendNames";
import { exposeForDebugging } from "../engine/debugHandle";
import { errorMessage } from "../engine/errorMessage";
import { findImageNetModel, IMAGENET_MODELS } from "../engine/models/catalog";
import { NUM_IMAGENET_CLASSES } from "../engine/models/classNames";
import { nextLevels } from "../engine/sweepSummary";
import { argMax, topK } from "../engine/topK";
import { clampInt, oneOf } from "../engine/validate";
import { fetchImageBlob, loadSquareImage } from "../media/loadImage";
import {
  fileBytes,
  type ImagenetApi,
  type LoadedModel,
  type ModelFrom,
} from "../workers/imagenet/api";
import { type CallOptions, RemoteError } from "../workers/rpc/client";
import { GALLERY } from "./gallery";
import { latestOnly } from "./latestOnly";
import { STORIES, type StoryId } from "./stories";
import type { AttackSettings, LabState, SweepState } from "./types";
import { type SessionClient, workerSession } from "./workerSession";

export interface LabActions {
  /**
   * Starts the ImageNet worker, then loads the default model and photo. Called again after a
   * failed start (the notice's "Try again"), it keeps the backend asked for first.
   */
  init(preferredBackend?: BackendPreference): Promise<void>;
  /** Starts the ImageNet worker and its backend only (init does this first). */
  start(preferredBackend?: BackendPreference): Promise<void>;
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
  /** Runs one job in the ImageNet worker once its backend is up (chapter 4's judge uses it). */
  compute<M extends keyof ImagenetApi & string>(
    method: M,
    args: ImagenetApi[M]["args"],
    options?: CallOptions<ImagenetApi[M]["progress"]>,
  ): Promise<ImagenetApi[M]["result"]>;
}

export interface LabSetup {
  /** Starts the ImageNet worker and connects to it (again after a lost WebGL context). */
  makeClient: () => SessionClient<ImagenetApi>;
  wasmPath: string;
  /** The page's address: the worker resolves the app's own files (models/…) against it. */
  pageUrl: string;
}

export type LabStore = LabState & { actions: LabActions };

const DEFAULT_MODEL = IMAGENET_MODELS[0];
/** Most PGD steps chapter 1 runs per epsilon. */
export const MAX_PGD_STEPS = 100;
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
  workerEpoch: 0,
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
 * The lab store: plain data for the views, and actions that drive chapter 1's engine in the
 * ImageNet worker. A change of model, image or settings starts a new generation: the older
 * generation's calls are cancelled in the worker and their late replies dropped here.
 */
export function createLabStore(setup: LabSetup) {
  /** What the worker's attack model was loaded from, to load it again after a lost context. */
  let modelFrom: ModelFrom | null = null;
  let modelReady = false;
  let inputSize = 224;
  let imageBlob: Blob | null = null;
  let preferred: BackendPreference = "webgl";
  let generation = 0;
  let genAbort = new AbortController();
  let modelRequest = 0;
  let download: AbortController | null = null;
  let inView = true;
  /** The generation whose sweep fill loop is running (-1: none), and how to stop it. */
  let fillingGeneration = -1;
  let fillAbort: AbortController | null = null;

  const store = createStore<LabStore>()((set, get) => {
    /** The worker and its backend; after a lost WebGL context, a fresh one. */
    const session = workerSession(setup.makeClient, async (call, epoch) => {
      const backend = await call("start", {
        backend: preferred,
        wasmPath: setup.wasmPath,
        pageUrl: setup.pageUrl,
      });
      set({ backend, workerEpoch: epoch });
      call("contextLost", null, { priority: "io" }).then(
        () => (session.epoch() === epoch ? recoverContext() : undefined),
        () => undefined,
      );
    });
    const patchModel = (p: Partial<LabState["model"]>) => set({ model: { ...get().model, ...p } });
    const patchImage = (p: Partial<LabState["image"]>) => set({ image: { ...get().image, ...p } });
    const fail = (err: unknown) => {
      if (!isAbort(err)) set({ working: null, notice: { kind: "error", text: message(err) } });
    };
    /** One call to the worker on behalf of the current generation. */
    const call = <M extends keyof ImagenetApi & string>(
      method: M,
      args: ImagenetApi[M]["args"],
      options: CallOptions<ImagenetApi[M]["progress"]> = {},
    ) => actions.compute(method, args, { signal: genAbort.signal, ...options });

    /** A model failed to load: the model in use (if any) stays, named, and the failure is said once. */
    const failModel = (
      inUse: LabState["model"] | null,
      { id, label, err }: { id: string; label: string; err: unknown },
    ) => {
      const needsNetwork =
        err instanceof RemoteError && (err.code === "offline" || err.code === "http");
      const failure = { id, label, message: message(err), needsNetwork };
      patchModel(inUse ? { ...inUse, status: "ready", failure } : { status: "error", failure });
    };

    /** One slider value: one forward pass (FGSM, or a PGD level made before) or a PGD run. */
    const viewer = latestOnly<number>(async (level, signal) => {
      const { sweep, settings } = get();
      if (!sweep) return;
      const gen = generation;
      if (settings.kind === "pgd" && !sweep.probs[level])
        set({ working: `Running ${settings.steps}-step PGD at ε = ${level}/255…` });
      const v = await actions
        .compute("view", { level }, { signal })
        .finally(() => gen === generation && set({ working: null }));
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
     * Computes the sweep's missing levels in the background, nearest the slider first, one
     * batch job at a time (a batch of FGSM levels, or one PGD run, which lets a slider move
     * cut in between its steps); once a level is ready, showing it costs one forward pass.
     * Pauses out of view.
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
          const probs = await actions.compute(
            "sweep",
            { levels },
            { priority: "batch", signal: controller.signal },
          );
          if (gen === generation) record(levels, probs);
        }
      } catch (err) {
        fail(err);
      } finally {
        if (fillingGeneration === gen) fillingGeneration = -1;
      }
    }

    /** Starts a new generation: the older one's slider job, sweep and calls stop. */
    function stopWork(): number {
      viewer.cancel();
      fillAbort?.abort();
      genAbort.abort();
      genAbort = new AbortController();
      return ++generation;
    }

    /** Re-plans the attack after a change of settings (or of the image, via rebuild). */
    async function replan(): Promise<void> {
      const { original, settings } = get();
      // No clean prediction yet: the rebuild under way plans with the settings of its end.
      if (!original) return;
      const gen = stopWork();
      set({
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
      try {
        const backend = await call("setPlan", { plan });
        if (gen !== generation) return;
        set({ backend, working: null, sweep: emptySweep(plan) });
      } catch (err) {
        return fail(err);
      }
      viewer.request(get().settings.epsLevel);
      void fill(gen);
    }

    /** Sends the image to the worker's lab once both a model and an image are ready. */
    async function rebuild(): Promise<void> {
      const gen = stopWork();
      set({ original: null, adversarial: null, sweep: null });
      const { rgba, size } = get().image;
      if (!modelReady || !rgba) return;
      set({ working: "Classifying the image…" });
      try {
        const probs = await call("setImage", { rgba, size });
        if (gen !== generation) return;
        set({ original: { top5: topK(probs, 5), top1: argMax(probs) }, working: null });
      } catch (err) {
        return fail(err);
      }
      await replan();
    }

    async function adoptImage(blob: Blob, meta: Partial<LabState["image"]>): Promise<void> {
      const size = inputSize;
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

    /** Loads a classifier in the worker and swaps it in, unless a newer request came meanwhile. */
    async function loadModel(req: ModelRequest, from: ModelFrom): Promise<boolean> {
      const loaded: LoadedModel = await actions.compute(
        "loadModel",
        { role: "attack", from },
        {
          priority: "io",
          signal: req.signal,
          onProgress: ({ loaded, total }) => req.isCurrent() && patchModel({ loaded, total }),
        },
      );
      if (!req.isCurrent()) return false;
      stopWork();
      await actions.compute("adoptModel", { role: "attack" });
      modelReady = true;
      modelFrom = from;
      const { id, label, source } = loaded;
      patchModel({ status: "ready", id, label, source, failure: null });
      inputSize = loaded.inputSize;
      if (imageBlob && get().image.size !== inputSize) await adoptImage(imageBlob, {});
      else await rebuild();
      return true;
    }

    /** Every tensor died with the WebGL context: a fresh worker, and the model and image again. */
    async function recoverContext(): Promise<void> {
      set({ working: "The graphics context was lost: restoring the model and image…" });
      stopWork();
      modelReady = false;
      try {
        await session.restart();
        if (modelFrom) await loadModel(newModelRequest(), modelFrom);
        set({
          working: null,
          notice: { kind: "info", text: "The graphics context was lost and has been restored." },
        });
      } catch (err) {
        fail(err);
      }
    }

    const actions: LabActions = {
      async start(backend = preferred) {
        preferred = backend;
        exposeForDebugging({ store });
        await session.ready();
      },

      async init(backend) {
        try {
          await actions.start(backend);
        } catch (err) {
          set({ working: null, notice: { kind: "error", text: message(err), retry: true } });
          return;
        }
        if (get().notice?.retry) set({ notice: null });
        await Promise.all([
          actions.selectModel(DEFAULT_MODEL.id),
          actions.selectPhoto(GALLERY[0].id),
        ]);
      },

      async selectModel(id) {
        const spec = findImageNetModel(id);
        if (!spec) return;
        const req = newModelRequest();
        const inUse = modelReady ? get().model : null;
        patchModel({
          ...{ id, label: spec.label, status: "loading", loaded: 0, total: spec.sizeBytes },
          failure: null,
        });
        try {
          await loadModel(req, { catalog: id });
        } catch (err) {
          if (req.isCurrent()) failModel(inUse, { id, label: spec.label, err });
        }
      },

      async loadModelFiles(files, inputRange) {
        const req = newModelRequest();
        const inUse = modelReady ? get().model : null;
        patchModel({ status: "loading", loaded: 0, total: 0, failure: null });
        try {
          await loadModel(req, { files: await fileBytes(files), inputRange });
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
        const epsLevel = clampInt(level, 0, MAX_EPSILON_LEVELS) ?? get().settings.epsLevel;
        // Request first: the worker starts the forward pass while React re-renders.
        viewer.request(epsLevel, get().settings.kind === "pgd");
        set({ settings: { ...get().settings, epsLevel } });
      },

      updateSettings(patch) {
        const prev = get().settings;
        set({ settings: validSettings({ ...prev, ...patch }, prev) });
        void replan();
      },

      tellStory(id) {
        if (!Object.hasOwn(STORIES, id)) return;
        set({ settings: { ...STORIES[id] } });
        void replan();
      },

      setInView(visible) {
        inView = visible === true;
        if (visible && get().sweep?.status === "paused") void fill(generation);
      },

      dismissNotice() {
        set({ notice: null });
      },

      compute(method, args, options) {
        return session.call(method, args, options);
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

/**
 * `next` within the engine's limits (an attack kind, eps a level, steps 1..MAX_PGD_STEPS, the
 * target a class), else `prev`'s.
 */
function validSettings(next: AttackSettings, prev: AttackSettings): AttackSettings {
  const t = next.targetClass;
  return {
    kind: oneOf(next.kind, ATTACK_KINDS) ?? prev.kind,
    epsLevel: clampInt(next.epsLevel, 0, MAX_EPSILON_LEVELS) ?? prev.epsLevel,
    steps: clampInt(next.steps, 1, MAX_PGD_STEPS) ?? prev.steps,
    targetClass: t === null ? null : (clampInt(t, 0, NUM_IMAGENET_CLASSES - 1) ?? prev.targetClass),
    randomStart: next.randomStart === true,
  };
}

const ATTACK_KINDS = ["fgsm", "pgd"] as const;

function message(err: unknown): string {
  return isAbort(err) ? "Cancelled." : errorMessage(err);
}
