import { createStore, type StoreApi } from "zustand/vanilla";
import { isAbort } from "../../engine/abort";
import { digitFromDrawing } from "../../engine/digits/drawnDigit";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import type { LatentObjective } from "../../engine/vae/latentAttack";
import type { LevelSums } from "../../engine/vae/measure";
import { VAE_KINDS, type VaeKind } from "../../engine/vae/recipes";
import { clampInt, ifValid, oneOf, wrap } from "../../engine/validate";
import { errorMessage } from "../../lib/errorMessage";
import type { LatentMapView, LatentPathView, LatentTarget } from "../../workers/digits/vaeApi";
import type { DigitsStore } from "../digits/digitsStore";
import { DIGIT_CLASS_COUNT } from "../digits/robustnessLevels";
import { type JobFields, jobRunner } from "../jobSlot";
import { latestOnly } from "../latestOnly";

/** The eps levels (k/255) of a path and of the table: 0 to 0.3 in nine steps. */
export const PATH_LEVELS = [0, 5, 10, 15, 20, 26, 38, 51, 64, 77] as const;
/** PGD iterations per eps, for the latent attack and for the CNN beside it. */
export const ATTACK_STEPS = 20;
/** The decoded grid behind the map: n x n digits over the square the map shows. */
export const GRID = { n: 15 } as const;

type Status = "idle" | "working" | "ready" | "error";

export interface VaeState {
  kind: VaeKind;
  objective: LatentObjective;
  /** The attacked test digit (or the reader's drawing, when there is one), and where its code is pulled. */
  sourceIndex: number;
  drawn: Float32Array | null;
  target: LatentTarget;
  /** Index into PATH_LEVELS of the eps on show. */
  epsIndex: number;
  map: LatentMapView | null;
  path: LatentPathView | null;
  /** The digit picked on the map, and its reconstruction. */
  picked: { index: number; input: Float32Array; recon: Float32Array; label: number } | null;
  /** The decoder's images of the grid (GRID.n squared, 784 values each). */
  grid: Float32Array | null;
  status: Status;
  error: string | null;
  table: (JobFields & { count: number; sums: LevelSums[] | null }) | null;
  tableCount: number;
  /** Settings of the next live training run, and the run on screen. */
  beta: number;
  trainEpochs: number;
  training: VaeTraining | null;
  /** Which VAEs are retrained ones, not the shipped weights. */
  retrained: Record<VaeKind, boolean>;
}

export interface VaeTraining extends JobFields {
  kind: VaeKind;
  beta: number;
  /** Mean loss terms over every POINT_EVERY minibatches (nats per digit). */
  points: { step: number; reconstruction: number; kl: number }[];
  /** Test negative ELBO after each epoch. */
  tests: { epoch: number; negElbo: number }[];
}

export interface VaeActions {
  /** Loads the VAE and attacks the default digit, the first time the chapter is reached. */
  start(): void;
  setKind(kind: VaeKind): void;
  setObjective(objective: LatentObjective): void;
  setTarget(target: LatentTarget): void;
  setSource(index: number): void;
  /** Attacks a square grey drawing (white ink on black) instead, made MNIST-like. */
  useDrawing(grey: ArrayLike<number>, size: number): void;
  setEpsIndex(index: number): void;
  /** Attacks the current digit at every level of PATH_LEVELS. */
  attack(): void;
  pick(index: number): void;
  showGrid(): void;
  setTableCount(count: number): void;
  runTable(): void;
  cancelTable(): void;
  setBeta(beta: number): void;
  setTrainEpochs(epochs: number): void;
  /** Retrains the current VAE from its seeded start, live, then shows its map and attack. */
  train(): void;
  pauseTraining(): void;
  resumeTraining(): void;
  /** Stops a run and puts the shipped weights back. */
  resetTraining(): void;
}

export type VaeStore = VaeState & { actions: VaeActions };

/** Table sizes the reader can choose: at most the 2,000 test digits. */
export const TABLE_COUNTS = [50, 100, 200, 500, 2000] as const;
/** KL weights and run lengths offered for live training. */
export const BETAS = [0.25, 0.5, 1, 2, 4] as const;
export const TRAIN_EPOCHS = [1, 3, 5, 10] as const;
const OBJECTIVES: readonly LatentObjective[] = ["latent", "output"];

/** A class 0..9, or a test digit (its index wrapped into the `count` test digits); else undefined. */
function validTarget(target: LatentTarget, count: number): LatentTarget | undefined {
  if (typeof target !== "object" || target === null) return undefined;
  if ("class" in target) {
    const c = target.class;
    return Number.isInteger(c) && c >= 0 && c < DIGIT_CLASS_COUNT ? { class: c } : undefined;
  }
  const test = wrap(target.test, count);
  return test === undefined ? undefined : { test };
}
/** Minibatches per chart point of a live run. */
const POINT_EVERY = 5;

export const initialVaeState = (): VaeState => ({
  kind: "vae16",
  objective: "latent",
  sourceIndex: 0,
  drawn: null,
  target: { class: 3 },
  epsIndex: 5,
  map: null,
  path: null,
  picked: null,
  grid: null,
  status: "idle",
  error: null,
  table: null,
  tableCount: 100,
  beta: 1,
  trainEpochs: 3,
  training: null,
  retrained: { vae2: false, vae16: false },
});

export function createVaeStore(digitsStore: StoreApi<DigitsStore>, vaeUrl: string) {
  const compute = digitsStore.getState().actions.compute;
  let started = false;
  return createStore<VaeStore>()((set, get) => {
    const table = jobRunner(
      () => get().table,
      (t) => set({ table: t }),
    );
    const training = jobRunner(
      () => get().training,
      (t) => set({ training: t }),
      (paused) => compute("vaeControl", { paused }, { priority: "control" }),
    );
    const fail = (err: unknown) => {
      if (!isAbort(err)) set({ status: "error", error: errorMessage(err) });
    };

    const paths = latestOnly(async (_: null, signal) => {
      const { kind, objective, sourceIndex, drawn, target } = get();
      set({ status: "working", error: null });
      const map =
        get().map?.kind === kind ? get().map : await compute("vaeMap", { kind, url: vaeUrl });
      if (get().map !== map) set({ map, grid: null, picked: null });
      const path = await compute(
        "vaePath",
        {
          kind,
          objective,
          steps: ATTACK_STEPS,
          levels: PATH_LEVELS,
          source: drawn ? { drawn } : { test: sourceIndex },
          target,
        },
        { signal },
      );
      // A setting changed meanwhile: its own request follows and replaces this one.
      if (get().kind === kind) set({ path, status: "ready" });
    });
    const attack = () => void paths.request(null, true)?.catch(fail);

    function runTable(): Promise<void> {
      const { kind, objective, tableCount: count } = get();
      const initial = { status: "running" as const, done: 0, total: count, message: null };
      return table.run({ ...initial, count, sums: null }, async ({ signal }, patch) => {
        await compute("vaeMap", { kind, url: vaeUrl });
        const sums = await compute(
          "vaeTable",
          { kind, objective, steps: ATTACK_STEPS, levels: PATH_LEVELS, count },
          {
            priority: "batch",
            signal,
            onProgress: (p) => patch({ done: p.done, total: p.total, sums: p.sums }),
          },
        );
        return { sums };
      });
    }

    /** Folds a run's minibatch losses into chart points (means of POINT_EVERY). */
    function lossFolder() {
      let sums = { reconstruction: 0, kl: 0, n: 0 };
      return (step: number, reconstruction: number, kl: number) => {
        sums = {
          reconstruction: sums.reconstruction + reconstruction,
          kl: sums.kl + kl,
          n: sums.n + 1,
        };
        if (sums.n < POINT_EVERY) return null;
        const point = { step, reconstruction: sums.reconstruction / sums.n, kl: sums.kl / sums.n };
        sums = { reconstruction: 0, kl: 0, n: 0 };
        return point;
      };
    }

    async function train(): Promise<void> {
      const { kind, beta, trainEpochs: epochs } = get();
      const fold = lossFolder();
      const out: { map?: LatentMapView } = {};
      const initial = { status: "running" as const, done: 0, total: 1, message: null };
      await training.run(
        { ...initial, kind, beta, points: [], tests: [] },
        async ({ signal }, patch) => {
          await compute("vaeMap", { kind, url: vaeUrl });
          out.map = await compute(
            "vaeTrain",
            { kind, beta, epochs },
            {
              priority: "batch",
              signal,
              onProgress: (p) => {
                const t = get().training;
                if (!t) return;
                if (p.kind === "epoch")
                  return patch({ tests: [...t.tests, { epoch: p.epoch, negElbo: p.negElbo }] });
                const point = fold(p.step, p.reconstruction, p.kl);
                patch({
                  done: p.step,
                  total: p.total,
                  ...(point ? { points: [...t.points, point] } : {}),
                });
              },
            },
          );
          return {};
        },
      );
      if (out.map && get().training?.status === "done") adoptMap(out.map, true);
    }

    /** New weights for the map's VAE: show its map and attack again. */
    function adoptMap(map: LatentMapView, retrained: boolean) {
      set({ retrained: { ...get().retrained, [map.kind]: retrained } });
      if (get().kind !== map.kind) return;
      set({ map, grid: null, picked: null, path: null, table: null });
      attack();
    }

    return {
      ...initialVaeState(),
      actions: {
        start() {
          if (started) return;
          started = true;
          attack();
        },
        setKind(choice) {
          const kind = oneOf(choice, VAE_KINDS);
          if (!kind) return;
          set({ kind, path: null });
          attack();
        },
        setObjective(choice) {
          const objective = oneOf(choice, OBJECTIVES);
          if (!objective) return;
          set({ objective });
          attack();
        },
        setTarget(target) {
          const valid = validTarget(target, get().map?.labels.length ?? TEST_DIGITS);
          if (!valid) return;
          set({ target: valid });
          attack();
        },
        setSource(index) {
          const sourceIndex = wrap(index, get().map?.labels.length ?? TEST_DIGITS);
          if (sourceIndex === undefined) return;
          set({ sourceIndex, drawn: null });
          attack();
        },
        useDrawing(grey, size) {
          try {
            set({ drawn: digitFromDrawing(grey, size) });
            attack();
          } catch (err) {
            fail(err);
          }
        },
        setEpsIndex: (index) =>
          ifValid(clampInt(index, 0, PATH_LEVELS.length - 1), (epsIndex) => set({ epsIndex })),
        attack,
        pick(index) {
          const kind = get().kind;
          compute("vaeDigit", { kind, index })
            .then((d) => {
              if (get().kind === kind) set({ picked: { index, ...d } });
            })
            .catch(fail);
        },
        showGrid() {
          const map = get().map;
          if (!map) return;
          compute("vaeGrid", { kind: map.kind, n: GRID.n })
            .then((images) => {
              if (get().map === map) set({ grid: images });
            })
            .catch(fail);
        },
        setTableCount: (choice) =>
          ifValid(oneOf(choice, TABLE_COUNTS), (tableCount) => set({ tableCount })),
        runTable() {
          void runTable();
        },
        cancelTable() {
          table.stop();
        },
        setBeta: (beta) => ifValid(oneOf(beta, BETAS), (valid) => set({ beta: valid })),
        setTrainEpochs: (choice) =>
          ifValid(oneOf(choice, TRAIN_EPOCHS), (trainEpochs) => set({ trainEpochs })),
        train() {
          void train();
        },
        pauseTraining: training.pause,
        resumeTraining: training.resume,
        resetTraining() {
          training.stop();
          const kind = get().kind;
          set({ training: null });
          compute("vaeRestore", { kind, url: vaeUrl })
            .then((map) => adoptMap(map, false))
            .catch(fail);
        },
      },
    };
  });
}
