import type { StoreApi } from "zustand";
import { createStore } from "zustand/vanilla";
import { digitFromDrawing } from "../../engine/digits/drawnDigit";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import {
  SMOOTHING_KINDS,
  SMOOTHING_RECIPES,
  type SmoothingKind,
} from "../../engine/smoothing/recipes";
import { clamp, ifValid, oneOf, wrap } from "../../engine/validate";
import { errorMessage } from "../../lib/errorMessage";
import type { DigitChoice } from "../../workers/digits/api";
import type {
  CertificateView,
  CurveEntry,
  SmoothAttackView,
} from "../../workers/digits/armsRaceApi";
import { type BatchRun, batchRunner } from "../batchRun";
import type { DigitsStore } from "../digits/digitsStore";

/** CERTIFY's settings the reader can pick (Cohen et al. used n0 = 100, n = 100,000, alpha = 0.001). */
export const N0_CHOICES = [10, 100, 1000] as const;
export const N_CHOICES = [100, 1000, 10_000, 100_000] as const;
export const ALPHA_CHOICES = [0.01, 0.001, 0.0001] as const;
/** The certified-accuracy curves: how many test digits, and n per digit. */
export const CURVE_COUNTS = [20, 50, 100, 200, 500] as const;
export const CURVE_N_CHOICES = [100, 1000, 10_000] as const;
/** The attack on the smoothed classifier: PGD-L2 steps, and noise draws per step. */
export const SMOOTH_ATTACK = { steps: 20, samples: 32 } as const;
/** Epochs a live retraining of a base classifier may run (the shipped ones ran 6). */
export const SMOOTH_TRAIN_EPOCHS = [1, 2, 3, 6] as const;
/** Largest L2 radius the attack slider offers. */
export const MAX_ATTACK_RADIUS = 3;
const SEED = 1;
/** The samples-against-radius chart's n: 10 to 10^6, ten steps per decade. */
export const BOUND_NS = Array.from({ length: 51 }, (_, k) => Math.round(10 ** (1 + k / 10)));

type CurveRun = BatchRun<CurveEntry[]> & { n: number; alpha: number };

export interface SmoothingState {
  kind: SmoothingKind;
  n0: number;
  n: number;
  alpha: number;
  /** The certified test digit, or the reader's drawing when there is one. */
  sourceIndex: number;
  drawn: Float32Array | null;
  certificate: BatchRun<CertificateView> | null;
  attackRadius: number;
  attack: (BatchRun<SmoothAttackView> & { radius: number }) | null;
  curveCount: number;
  curveN: number;
  curves: Record<SmoothingKind, CurveRun | null>;
  /** Live retraining of a base classifier: its run (accuracy on noisy test digits per epoch). */
  trainEpochs: number;
  training: (BatchRun<number[]> & { kind: SmoothingKind; epochs: number }) | null;
  /** Which base classifiers are retrained ones, not the shipped weights. */
  retrained: Record<SmoothingKind, boolean>;
  /** The largest radius each n of BOUND_NS can certify at `alpha`, per noise level. */
  bound: { alpha: number; radii: Record<SmoothingKind, number[]> } | null;
  /** Why the last request could not be made (a drawing of the wrong shape, say). */
  error: string | null;
}

export interface SmoothingActions {
  /** Certifies the first test digit, the first time the chapter is reached. */
  start(): void;
  setKind(kind: SmoothingKind): void;
  setN0(n0: number): void;
  setN(n: number): void;
  setAlpha(alpha: number): void;
  setSource(index: number): void;
  /** Certifies a square grey drawing (white ink on black) instead, made MNIST-like. */
  useDrawing(grey: ArrayLike<number>, size: number): void;
  certify(): void;
  setAttackRadius(radius: number): void;
  /** PGD-L2 at the chosen radius on the smoothed classifier, then CERTIFY on the result. */
  attack(): void;
  setCurveCount(count: number): void;
  setCurveN(n: number): void;
  /** Certifies the first `curveCount` test digits under each noise level, one after the other. */
  runCurves(): void;
  cancelCurves(): void;
  setTrainEpochs(epochs: number): void;
  /** Retrains the current base classifier from its seeded start, live, then certifies again. */
  train(): void;
  pauseTraining(): void;
  resumeTraining(): void;
  /** Stops a run and puts the shipped weights back. */
  resetTraining(): void;
}

export type SmoothingStore = SmoothingState & { actions: SmoothingActions };

export const initialSmoothingState = (): SmoothingState => ({
  kind: "sigma025",
  n0: 100,
  n: 10_000,
  alpha: 0.001,
  sourceIndex: 0,
  drawn: null,
  certificate: null,
  attackRadius: 0.5,
  attack: null,
  curveCount: 100,
  curveN: 1000,
  curves: { sigma025: null, sigma050: null },
  trainEpochs: 1,
  training: null,
  retrained: { sigma025: false, sigma050: false },
  bound: null,
  error: null,
});

/**
 * Chapter 8's certified defence (randomized smoothing): one digit's certificate, an attack on
 * it, and certified accuracy curves. Every sample is drawn in the digits worker.
 */
export function createSmoothingStore(digitsStore: StoreApi<DigitsStore>, url: string) {
  const compute = digitsStore.getState().actions.compute;
  let started = false;
  let curvesStopped = false;
  return createStore<SmoothingStore>()((set, get) => {
    const certifier = batchRunner<CertificateView>((certificate) => set({ certificate }));
    let attackRadius = 0;
    const attacker = batchRunner<SmoothAttackView>((run) =>
      set({ attack: { ...run, radius: attackRadius } }),
    );
    // The settings of the curves in progress (the runners drop every older run's reports).
    let curveSettings = { n: 0, alpha: 0 };
    const curveRunners = Object.fromEntries(
      SMOOTHING_KINDS.map((kind) => [
        kind,
        batchRunner<CurveEntry[]>((run) =>
          set({ curves: { ...get().curves, [kind]: { ...run, ...curveSettings } } }),
        ),
      ]),
    ) as Record<SmoothingKind, ReturnType<typeof batchRunner<CurveEntry[]>>>;

    /** What every job on the current digit shares. */
    const settings = () => {
      const { kind, n0, n, alpha, drawn, sourceIndex } = get();
      const source: DigitChoice = drawn ? { drawn } : { test: sourceIndex };
      return { kind, url, n0, n, alpha, seed: SEED, source };
    };

    const fetchBound = () => {
      const alpha = get().alpha;
      const sigmas = SMOOTHING_KINDS.map((kind) => SMOOTHING_RECIPES[kind].sigma);
      compute("radiusBound", { alpha, sigmas, ns: BOUND_NS }, { priority: "control" })
        .then((rows) => {
          if (get().alpha !== alpha) return;
          const radii = Object.fromEntries(SMOOTHING_KINDS.map((kind, i) => [kind, rows[i]]));
          set({ bound: { alpha, radii: radii as Record<SmoothingKind, number[]> } });
        })
        .catch((err) => set({ error: errorMessage(err) }));
    };

    const certify = () => {
      const args = settings();
      void certifier.run(args.n0 + args.n, (signal, report) =>
        compute("certify", args, { signal, onProgress: report }),
      );
    };
    /** A new digit or base classifier: its certificate, and no attack yet. */
    const changed = () => {
      attacker.cancel();
      set({ attack: null, error: null });
      certify();
    };

    let trainingOf = { kind: "sigma025" as SmoothingKind, epochs: 0 };
    const trainer = batchRunner<number[]>(
      (run) => set({ training: { ...run, ...trainingOf } }),
      (paused) => compute("smoothTrainControl", { paused }, { priority: "control" }),
    );
    /** New weights for `kind`'s base classifier: mark them, and certify again if on show. */
    const adopted = (kind: SmoothingKind, retrained: boolean) => {
      set({ retrained: { ...get().retrained, [kind]: retrained } });
      if (get().kind === kind) changed();
    };

    async function train(): Promise<void> {
      const { kind, trainEpochs: epochs } = get();
      trainingOf = { kind, epochs };
      const perEpoch: number[] = [];
      let at = { done: 0, total: 1 }; // minibatches, known from the first report
      await trainer.run(at.total, (signal, report) =>
        compute(
          "smoothTrain",
          { kind, url, epochs },
          {
            priority: "batch",
            signal,
            onProgress: (p) => {
              if (p.kind === "batch") at = { done: p.step, total: p.total };
              else perEpoch.push(p.noisyAccuracy);
              report({ ...at, partial: [...perEpoch] });
            },
          },
        ).then(() => perEpoch),
      );
      if (get().training?.status === "done") adopted(kind, true);
    }

    async function runCurves(): Promise<void> {
      curvesStopped = false;
      const { curveCount: count, curveN: n, alpha } = get();
      curveSettings = { n, alpha };
      set({ curves: { sigma025: null, sigma050: null } });
      for (const kind of SMOOTHING_KINDS) {
        if (curvesStopped) return;
        await curveRunners[kind].run(count * (100 + n), (signal, report) =>
          compute(
            "certifyCurve",
            { kind, url, n0: 100, n, alpha, seed: SEED, count },
            {
              priority: "batch",
              signal,
              onProgress: (p) => report({ done: p.done, total: p.total, partial: p.entries }),
            },
          ),
        );
      }
    }

    return {
      ...initialSmoothingState(),
      actions: {
        start() {
          if (started) return;
          started = true;
          certify();
          fetchBound();
        },
        setKind(choice) {
          const kind = oneOf(choice, SMOOTHING_KINDS);
          if (!kind) return;
          set({ kind });
          changed();
        },
        setN0: (choice) => ifValid(oneOf(choice, N0_CHOICES), (n0) => set({ n0 })),
        setN: (choice) => ifValid(oneOf(choice, N_CHOICES), (n) => set({ n })),
        setAlpha(choice) {
          const alpha = oneOf(choice, ALPHA_CHOICES);
          if (alpha === undefined) return;
          set({ alpha });
          if (started) fetchBound();
        },
        setSource(index) {
          const sourceIndex = wrap(index, TEST_DIGITS);
          if (sourceIndex === undefined) return;
          set({ sourceIndex, drawn: null });
          changed();
        },
        useDrawing(grey, size) {
          try {
            set({ drawn: digitFromDrawing(grey, size) });
            changed();
          } catch (err) {
            set({ error: errorMessage(err) });
          }
        },
        certify,
        setAttackRadius: (radius) =>
          ifValid(clamp(radius, 0, MAX_ATTACK_RADIUS), (attackRadius) => set({ attackRadius })),
        attack() {
          const args = settings();
          attackRadius = get().attackRadius;
          void attacker.run(2 * (args.n0 + args.n), (signal, report) =>
            compute(
              "smoothAttack",
              { ...args, ...SMOOTH_ATTACK, radius: attackRadius },
              { signal, onProgress: report },
            ),
          );
        },
        setCurveCount: (choice) =>
          ifValid(oneOf(choice, CURVE_COUNTS), (curveCount) => set({ curveCount })),
        setCurveN: (choice) => ifValid(oneOf(choice, CURVE_N_CHOICES), (curveN) => set({ curveN })),
        runCurves() {
          void runCurves();
        },
        cancelCurves() {
          curvesStopped = true;
          for (const kind of SMOOTHING_KINDS) curveRunners[kind].cancel();
        },
        setTrainEpochs: (choice) =>
          ifValid(oneOf(choice, SMOOTH_TRAIN_EPOCHS), (trainEpochs) => set({ trainEpochs })),
        train() {
          void train();
        },
        pauseTraining: trainer.pause,
        resumeTraining: trainer.resume,
        resetTraining() {
          trainer.cancel();
          const kind = get().training?.kind ?? get().kind;
          set({ training: null });
          compute("smoothRestore", { kind, url })
            .then(() => adopted(kind, false))
            .catch((err) => set({ error: errorMessage(err) }));
        },
      },
    };
  });
}
