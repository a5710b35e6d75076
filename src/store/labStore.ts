import { createStore } from "zustand/vanilla";
import { isAbort } from "../engine/abort";
import type { AttackPlan } from "../engine/attackLab";
import { MAX_EPSILON_LEVELS } from "../engine/attacks/params";
import type { BackendPreference } from "../engine/backendNames";
import { IMAGENET_MODELS } from "../engine/models/catalog";
import { NUM_IMAGENET_CLASSES } from "../engine/models/classNames";
import { argMax, topK } from "../engine/topK";
import { clampInt, oneOf } from "../engine/validate";
import { exposeForDebugging } from "../lib/debugHandle";
import { fetchImageBlob, loadSquareImage } from "../media/loadImage";
import type { ImagenetApi } from "../workers/imagenet/api";
import type { CallOptions } from "../workers/rpc/client";
import { GALLERY } from "./gallery";
import { type JobToken, jobSlot } from "./jobSlot";
import { labMessage } from "./lab/message";
import { type InputRange, labModel } from "./lab/modelLoading";
import { emptySweep, labSweep } from "./lab/sweep";
import { STORIES, type StoryId } from "./stories";
import type { AttackSettings, LabState } from "./types";
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
/** What the page says while it recovers from a lost worker, once done, and if it is lost again. */
interface Recovery {
  working: string;
  done: string;
  again: string;
}
const LOST_CONTEXT: Recovery = {
  working: "The graphics context was lost: restoring the model and image…",
  done: "The graphics context was lost and has been restored.",
  again: "The graphics context was lost again. Try again to restart chapter 1.",
};
/** The worker died (`err` says how). */
const workerStopped = (err: unknown): Recovery => ({
  working: `${labMessage(err)} Restarting it and restoring the model and image…`,
  done: `${labMessage(err)} It was restarted: the model and image are back.`,
  again: `${labMessage(err)} It stopped twice within a minute, so it was left off. Try again to restart chapter 1.`,
});
/** A worker lost again within this time is not restarted by itself. */
const RECOVER_AGAIN_MS = 60_000;

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
  let inputSize = 224;
  let imageBlob: Blob | null = null;
  let preferred: BackendPreference = "webgl";
  /** The current generation: its signal cancels its calls, and its replies are dropped after. */
  const generations = jobSlot();
  let generation = generations.begin();
  let inView = true;

  const store = createStore<LabStore>()((set, get) => {
    /** The worker and its backend; after a lost WebGL context, a fresh one. */
    const session = workerSession(
      setup.makeClient,
      async (call, epoch) => {
        const backend = await call("start", {
          backend: preferred,
          wasmPath: setup.wasmPath,
          pageUrl: setup.pageUrl,
        });
        set({ backend, workerEpoch: epoch });
        call("contextLost", null, { priority: "io" }).then(
          () => (session.epoch() === epoch ? recover(LOST_CONTEXT) : undefined),
          () => undefined,
        );
      },
      (err) => recover(workerStopped(err)),
    );
    const patchImage = (p: Partial<LabState["image"]>) => set({ image: { ...get().image, ...p } });
    const fail = (err: unknown) => {
      if (!isAbort(err)) set({ working: null, notice: { kind: "error", text: labMessage(err) } });
    };
    /** One call to the worker on behalf of the current generation. */
    const call = <M extends keyof ImagenetApi & string>(
      method: M,
      args: ImagenetApi[M]["args"],
      options: CallOptions<ImagenetApi[M]["progress"]> = {},
    ) => actions.compute(method, args, { signal: generation.signal, ...options });

    const sweep = labSweep({
      get,
      set,
      compute: (method, args, options) => actions.compute(method, args, options),
      generation: () => generation,
      inView: () => inView,
      fail,
    });
    const model = labModel({
      get,
      set,
      compute: (method, args, options) => actions.compute(method, args, options),
      stopWork,
      async adopted(size) {
        inputSize = size;
        if (imageBlob && get().image.size !== inputSize) await adoptImage(imageBlob, {});
        else await rebuild();
      },
    });

    /** Starts a new generation: the older one's slider job, sweep and calls stop. */
    function stopWork(): JobToken {
      sweep.stop();
      generation = generations.begin();
      return generation;
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
        if (!gen.isCurrent()) return;
        set({ backend, working: null, sweep: emptySweep(plan) });
      } catch (err) {
        return fail(err);
      }
      sweep.view(get().settings.epsLevel);
      void sweep.fill();
    }

    /** Sends the image to the worker's lab once both a model and an image are ready. */
    async function rebuild(): Promise<void> {
      const gen = stopWork();
      set({ original: null, adversarial: null, sweep: null });
      const { rgba, size } = get().image;
      if (!model.ready() || !rgba) return;
      set({ working: "Classifying the image…" });
      try {
        const probs = await call("setImage", { rgba, size });
        if (!gen.isCurrent()) return;
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

    /**
     * Every tensor died with the worker (or with its WebGL context): a fresh worker, and the
     * model and image again, so chapter 1 shows what it showed. A second loss within a minute
     * is only reported, with Try again: a worker that keeps dying would otherwise loop.
     */
    let lastRecovery = Number.NEGATIVE_INFINITY;
    async function recover(why: Recovery): Promise<void> {
      stopWork();
      model.lost();
      if (Date.now() - lastRecovery < RECOVER_AGAIN_MS) {
        set({ working: null, notice: { kind: "error", text: why.again, retry: true } });
        return;
      }
      lastRecovery = Date.now();
      set({ working: why.working });
      try {
        await session.restart();
        await model.reload();
        set({ working: null, notice: { kind: "info", text: why.done } });
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
          set({ working: null, notice: { kind: "error", text: labMessage(err), retry: true } });
          return;
        }
        if (get().notice?.retry) set({ notice: null });
        await Promise.all([
          actions.selectModel(DEFAULT_MODEL.id),
          actions.selectPhoto(GALLERY[0].id),
        ]);
      },

      selectModel: (id) => model.select(id),
      loadModelFiles: (files, inputRange) => model.loadFiles(files, inputRange),

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
            error: labMessage(err),
          });
          set({ notice: { kind: "error", text: labMessage(err) } });
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
          set({ notice: { kind: "error", text: `${name}: ${labMessage(err)}` } });
        }
      },

      setEpsLevel(level) {
        const epsLevel = clampInt(level, 0, MAX_EPSILON_LEVELS) ?? get().settings.epsLevel;
        // Request first: the worker starts the forward pass while React re-renders.
        sweep.view(epsLevel, get().settings.kind === "pgd");
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
        if (visible) sweep.resume();
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

export type { InputRange } from "./lab/modelLoading";

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
