import { createStore } from "zustand/vanilla";
import type { BackendPreference, BackendStatus } from "../../engine/backendNames";
import { DEFAULT_METHOD_SETTINGS } from "../../engine/digits/adversarial/settings";
import {
  type MethodSettings,
  type RunCounters,
  type RunSpec,
  TRAINING_METHODS,
  type TrainingMethod,
} from "../../engine/digits/adversarial/types";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import { RECIPES } from "../../engine/digits/recipes";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import { bool, clamp, clampInt, fields, finite, oneOf } from "../../engine/validate";
import type {
  DeltaSnapshot,
  EvaluationSettings,
  RunPoint,
  RunRequest,
  TrainArgs,
  TrainingApi,
  TrainingUpdate,
} from "../../workers/training/protocol";
import { DIGIT_MAX_EPS_LEVEL } from "../digits/robustnessLevels";
import { type JobStatus, jobEnding, jobSlot } from "../jobSlot";
import type { SharedDigits } from "../sharedDigits";
import { type SessionClient, workerSession } from "../workerSession";

/**
 * The runs' job status, with two steps of the worker's own: "starting" (it loads the digits)
 * and "pausing" (it holds after the minibatch in flight).
 */
export type TrainingPhase = JobStatus | "starting" | "pausing";

export interface RunView {
  id: string;
  method: TrainingMethod;
  spec: RunSpec;
  /** Latest counters (null before the first update). */
  counters: RunCounters | null;
  /**
   * Counters after the first minibatch update, whose time includes one-off warm-up (shader
   * compilation, WASM start-up): the cost table measures time from there.
   */
  firstStep: RunCounters | null;
  loss: number | null;
  /** Measured points of the curves, in order. */
  points: RunPoint[];
  /** Fast training's early-stopping checks: PGD accuracy on its training subset, in order. */
  checks: { backward: number; accuracy: number }[];
  done: boolean;
  stoppedEarly: boolean;
}

export interface TrainingSetup {
  /** Methods to train side by side, in TRAINING_METHODS order. */
  methods: TrainingMethod[];
  kind: DigitModelKind;
  /** Seeds every run's initial weights, batch order and random starts (the same for all). */
  seed: number;
  settings: MethodSettings;
  /** Budget in epochs of standard training (the same backward passes for every method). */
  budgetEpochs: number;
  /** PGD steps of the robust-accuracy measurement. */
  evalSteps: number;
  /** Test digits in the fixed measurement subset. */
  evalDigits: number;
  /** Slow motion: pause between minibatch updates, ms. */
  delayMs: number;
  /**
   * With fast training chosen: train it twice from the same start, early stopping off (id
   * "fast") and on (id FAST_WITH_STOPPING), instead of once as `settings.earlyStopping` says.
   */
  compareEarlyStopping: boolean;
}

export interface TrainingState {
  phase: TrainingPhase;
  backend: BackendStatus | null;
  error: string | null;
  setup: TrainingSetup;
  runs: RunView[];
  /** Free training's latest perturbation snapshot. */
  deltas: DeltaSnapshot | null;
}

export interface TrainingActions {
  /** Changes the setup (applies to the next run; the speed also to the current one). */
  configure(patch: Partial<TrainingSetup>): void;
  setSettings(patch: Partial<MethodSettings>): void;
  toggleMethod(method: TrainingMethod, on: boolean): void;
  /** Starts the chosen methods from their seeded initial weights (replacing any runs). */
  start(): void;
  pause(): void;
  resume(): void;
  /** Stops and clears the runs. */
  reset(): void;
  /** Live tensors in the training worker, read after every job sent before (tests). */
  workerTensors(): Promise<number>;
}

export type TrainingStore = TrainingState & { actions: TrainingActions };

export interface TrainingStoreOptions {
  /** Starts the training worker (on the first run) and connects to it. */
  makeClient: () => SessionClient<TrainingApi>;
  backend: BackendPreference;
  /** Where the worker gets the digits (and offers them on). */
  digits: SharedDigits;
  wasmPath: string;
}

export const BATCH_SIZE = 64;
/** Points per run: one every budget / POINTS of backward passes, plus the start. */
const POINTS = 8;
/** Step messages are folded into the state at most this often (points apply at once). */
const STEP_FLUSH_MS = 300;

export const DEFAULT_SETUP: TrainingSetup = {
  methods: ["standard", "free"],
  kind: "mlp",
  seed: 1,
  settings: DEFAULT_METHOD_SETTINGS,
  budgetEpochs: 2,
  evalSteps: 10,
  evalDigits: 500,
  delayMs: 0,
  compareEarlyStopping: false,
};

/** Budgets the reader may choose (epochs of standard training), and the largest seed. */
export const TRAINING_BUDGETS = [1, 2, 3, 5, 10] as const;
export const MAX_TRAINING_SEED = 9999;
/** Largest training and test epsilon: 0.3, Madry et al.'s MNIST budget. */
export const MAX_TRAINING_EPS = DIGIT_MAX_EPS_LEVEL / 255;

const MAX_BUDGET = Math.max(...TRAINING_BUDGETS);

/** Slowest pace the lab offers between two minibatches, ms. */
const MAX_DELAY_MS = 2000;
/** Most PGD steps per evaluation. */
const MAX_EVAL_STEPS = 100;

/**
 * `patch` within the lab's limits: known methods, a digit model, a seed rounded into
 * 1..MAX_TRAINING_SEED, a budget in (0, MAX_BUDGET] epochs (benchmarks use fractions); what is
 * not valid is dropped.
 */
const validSetup = (patch: Partial<TrainingSetup>): Partial<TrainingSetup> =>
  fields<TrainingSetup>(patch, {
    methods: (x) => (Array.isArray(x) ? TRAINING_METHODS.filter((m) => x.includes(m)) : undefined),
    kind: (x) => oneOf(x, DIGIT_MODEL_KINDS),
    seed: (x) => clampInt(x, 1, MAX_TRAINING_SEED),
    settings: () => undefined, // setSettings checks these
    budgetEpochs: (x) => {
      const v = finite(x);
      return v !== undefined && v > 0 ? Math.min(MAX_BUDGET, v) : undefined;
    },
    evalSteps: (x) => clampInt(x, 1, MAX_EVAL_STEPS),
    evalDigits: (x) => clampInt(x, 1, TEST_DIGITS),
    delayMs: (x) => clamp(x, 0, MAX_DELAY_MS),
    compareEarlyStopping: bool,
  });

/** Each method's settings within the ranges the lab's controls offer; the rest dropped. */
const validSettings = (patch: Partial<MethodSettings>): Partial<MethodSettings> =>
  fields<MethodSettings>(patch, {
    eps: (x) => clamp(x, 0, MAX_TRAINING_EPS),
    alpha: (x) => clamp(x, 0, 1),
    pgdSteps: (x) => clampInt(x, 1, 20),
    replays: (x) => clampInt(x, 1, 16),
    fastStepRatio: (x) => clamp(x, 0.25, 4),
    fastRandomStart: bool,
    earlyStopping: bool,
  });

/** Id of the early-stopping twin of an early-stopping comparison. */
export const FAST_WITH_STOPPING = "fast-stopping";

/** The runs a start asks for: one per chosen method, fast twice when comparing early stopping. */
export function runRequests(setup: TrainingSetup, trainDigits: number): RunRequest[] {
  return setup.methods.flatMap((method) => {
    if (method !== "fast" || !setup.compareEarlyStopping) {
      return [{ id: method, spec: runSpec(method, setup, trainDigits) }];
    }
    const variant = (id: string, earlyStopping: boolean) => {
      const settings = { ...setup.settings, earlyStopping };
      return { id, spec: runSpec(method, { ...setup, settings }, trainDigits) };
    };
    return [variant("fast", false), variant(FAST_WITH_STOPPING, true)];
  });
}

/** The run of `method` under `setup`: every method shares the setup's seed, so the same start. */
export function runSpec(
  method: TrainingMethod,
  setup: TrainingSetup,
  trainDigits: number,
): RunSpec {
  const recipe = RECIPES[setup.kind];
  return {
    method,
    settings: setup.settings,
    kind: setup.kind,
    seed: setup.seed,
    batchSize: BATCH_SIZE,
    learningRate: recipe.learningRate,
    backwardBudget: Math.round(setup.budgetEpochs * Math.ceil(trainDigits / BATCH_SIZE)),
  };
}

/** The training arguments and the runs' empty views for `setup`. */
function startOf(setup: TrainingSetup, trainDigits: number): { args: TrainArgs; views: RunView[] } {
  const runs = runRequests(setup, trainDigits);
  const budget = runs[0]?.spec.backwardBudget ?? 0;
  const evaluation: EvaluationSettings = {
    eps: setup.settings.eps,
    pgdSteps: setup.evalSteps,
    testDigits: setup.evalDigits,
    everyBackward: Math.max(1, Math.round(budget / POINTS)),
  };
  const views = runs.map((r) => ({
    id: r.id,
    method: r.spec.method,
    spec: r.spec,
    counters: null,
    firstStep: null,
    checks: [],
    loss: null,
    points: [],
    done: false,
    stoppedEarly: false,
  }));
  return { args: { runs, evaluation, deltaDigits: 4, delayMs: setup.delayMs }, views };
}

export function createTrainingStore(options: TrainingStoreOptions) {
  /** The run in progress: cancelling it is the reset (its late reports are dropped). */
  const slot = jobSlot();
  /** Step reports not yet in the state, by run id. */
  let pendingSteps = new Map<string, Extract<TrainingUpdate, { kind: "step" }>>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  const store = createStore<TrainingStore>()((set, get) => {
    const patchRun = (id: string, patch: (run: RunView) => Partial<RunView>) =>
      set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, ...patch(r) } : r)) }));

    const flushSteps = () => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      const steps = pendingSteps;
      pendingSteps = new Map();
      if (steps.size === 0) return;
      set((s) => ({
        runs: s.runs.map((r) => {
          const m = steps.get(r.id);
          return m ? { ...r, counters: m.counters, loss: m.loss } : r;
        }),
      }));
    };
    const dropSteps = () => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      pendingSteps = new Map();
    };

    /** The worker's digits, loaded once per worker: the number of training digits. */
    const session = workerSession(options.makeClient, async (call) => {
      const { backend, digits, wasmPath } = options;
      const out = await call("load", { backend, digits: await digits.source(), wasmPath });
      set({ backend: out.backend });
      digits.offer(() => session.tell("digitSplit", null, { priority: "control" }));
      return out.trainDigits;
    });
    const control = (args: { paused?: boolean; delayMs?: number }) =>
      void session.tell("control", args, { priority: "control" }).catch(() => undefined);

    const onUpdate = (m: TrainingUpdate) => {
      switch (m.kind) {
        case "backend":
          set({ backend: m.backend });
          break;
        case "step":
          if (m.counters.minibatches === 1) patchRun(m.runId, () => ({ firstStep: m.counters }));
          if (m.check !== undefined) {
            const check = { backward: m.counters.backward, accuracy: m.check };
            patchRun(m.runId, (r) => ({ checks: [...r.checks, check] }));
          }
          pendingSteps.set(m.runId, m);
          flushTimer ??= setTimeout(flushSteps, STEP_FLUSH_MS);
          break;
        case "point":
          flushSteps();
          patchRun(m.runId, (r) => ({ points: [...r.points, m.point], counters: m.point }));
          break;
        case "deltas":
          set({ deltas: m.snapshot });
          break;
        case "runDone":
          patchRun(m.runId, () => ({ done: true, stoppedEarly: m.stoppedEarly }));
          break;
        case "paused":
          if (get().phase === "pausing") set({ phase: "paused" });
          break;
      }
    };

    /** One set of runs, from the worker's loading to the last point. */
    async function run(): Promise<void> {
      const token = slot.begin();
      dropSteps();
      set({ phase: "starting", runs: [], deltas: null, error: null });
      try {
        const trainDigits = await session.ready();
        if (!token.isCurrent()) return;
        const { args, views } = startOf(get().setup, trainDigits);
        set({ phase: "running", runs: views });
        await session.call("train", args, {
          priority: "batch",
          signal: token.signal,
          onProgress: (m) => token.isCurrent() && onUpdate(m),
        });
        flushSteps();
        set({ phase: "done" });
      } catch (err) {
        if (!token.isCurrent()) return;
        const { status, message } = jobEnding(err);
        set({ phase: status, error: message });
      }
    }

    return {
      phase: "idle",
      backend: null,
      error: null,
      setup: DEFAULT_SETUP,
      runs: [],
      deltas: null,
      actions: {
        configure(patch) {
          const valid = validSetup(patch);
          set((s) => ({ setup: { ...s.setup, ...valid } }));
          if (valid.delayMs !== undefined) control({ delayMs: valid.delayMs });
        },
        setSettings(patch) {
          const valid = validSettings(patch);
          set((s) => ({ setup: { ...s.setup, settings: { ...s.setup.settings, ...valid } } }));
        },
        toggleMethod(method, on) {
          if (!oneOf(method, TRAINING_METHODS)) return;
          set((s) => {
            const chosen = new Set(s.setup.methods);
            if (on) chosen.add(method);
            else chosen.delete(method);
            const methods = TRAINING_METHODS.filter((m) => chosen.has(m));
            return { setup: { ...s.setup, methods } };
          });
        },
        start() {
          if (get().setup.methods.length === 0) {
            set({ phase: "error", error: "Pick at least one training method." });
            return;
          }
          void run();
        },
        pause() {
          if (get().phase !== "running") return;
          set({ phase: "pausing" });
          control({ paused: true });
        },
        resume() {
          const { phase } = get();
          if (phase !== "paused" && phase !== "pausing") return;
          set({ phase: "running" });
          control({ paused: false });
        },
        reset() {
          slot.cancel();
          dropSteps();
          set({ phase: "idle", runs: [], deltas: null, error: null });
        },
        async workerTensors() {
          return (await session.call("memory", null, { priority: "batch" })).numTensors;
        },
      },
    };
  });
  return store;
}
