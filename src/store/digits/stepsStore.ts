import { createStore, type StoreApi } from "zustand/vanilla";
import { epsilonFromLevels } from "../../engine/attacks/params";
import { DIGIT_MODEL_KINDS, type DigitModelKind } from "../../engine/digits/digitModelKinds";
import { digitFromDrawing } from "../../engine/digits/drawnDigit";
import type { CleanStages, EpsStages } from "../../engine/digits/fgsmStages";
import { clampInt, oneOf } from "../../engine/validate";
import { errorMessage } from "../../lib/errorMessage";
import { latestOnly } from "../latestOnly";
import type { DigitsStore } from "./digitsStore";
import { DIGIT_CLASS_COUNT } from "./robustnessLevels";

/** Largest epsilon of chapter 3's slider: 77/255 ≈ 0.3. */
export const STEPS_MAX_LEVEL = 77;
/** The digit shown first: a clean "5" that every built-in model reads correctly. */
export const STEPS_DEFAULT_INDEX = 0;

/** The clean stages, labelled with what they were computed from. */
export type CleanResult = CleanStages & {
  model: DigitModelKind;
  /** The digits store's `modelsVersion` the gradient was computed with. */
  version: number;
  /** Identifies (model, weights, digit, label): "mlp|test0|y5|v1". */
  key: string;
};
export type AttackResult = EpsStages & { level: number; key: string };

export interface StepsState {
  model: DigitModelKind;
  /** Which digit is attacked: a test digit or the reader's drawing. */
  source: "test" | "drawn";
  testIndex: number;
  /** Number of test digits (0 until they are loaded). */
  testCount: number;
  /** The drawing as a 28x28 MNIST-style digit, and a counter of drawings. */
  drawn: Float32Array | null;
  drawId: number;
  /** For a drawing: the digit the reader meant (null: attack the model's own guess). */
  chosenLabel: number | null;
  /** True label of the test digit shown (null for a drawing). */
  trueLabel: number | null;
  epsLevel: number;
  clean: CleanResult | null;
  attack: AttackResult | null;
  status: "idle" | "working" | "ready" | "error";
  error: string | null;
}

export interface StepsActions {
  /** Loads the digits (if nobody has yet) and computes the first digit; later calls do nothing. */
  start(): void;
  setModel(kind: DigitModelKind): void;
  showTest(index: number): void;
  /** Moves through the test digits by `delta` (wrapping around). */
  stepTest(delta: number): void;
  randomTest(): void;
  /** Uses a square grey drawing (white ink on black, 0..255 or 0..1) as the digit. */
  useDrawing(grey: ArrayLike<number>, size: number): void;
  /** For a drawing: the digit the reader meant, or null for the model's guess. */
  chooseLabel(label: number | null): void;
  setEpsLevel(level: number): void;
}

export type StepsStore = StepsState & { actions: StepsActions };

export const initialStepsState = (): StepsState => ({
  model: "mlp",
  source: "test",
  testIndex: STEPS_DEFAULT_INDEX,
  testCount: 0,
  drawn: null,
  drawId: 0,
  chosenLabel: null,
  trueLabel: null,
  epsLevel: 26,
  clean: null,
  attack: null,
  status: "idle",
  error: null,
});

/**
 * Chapter 3's store: which digit, model, label and epsilon, and the FGSM stages computed for
 * them. A change of digit, model or label recomputes the gradient (one job on the digits
 * queue); a slider move only re-runs the epsilon stages, and stale slider values are dropped.
 */
export function createStepsStore(digits: StoreApi<DigitsStore>) {
  let generation = 0;
  let started = false;

  return createStore<StepsStore>()((set, get) => {
    const fail = (err: unknown) => set({ status: "error", error: errorMessage(err) });
    const { compute } = digits.getState().actions;

    /** The epsilon stages of the clean result on screen, for one slider value. */
    const attacker = latestOnly<number>(async (level) => {
      const clean = get().clean;
      if (!clean) return;
      const { model: kind, version } = clean;
      const eps = epsilonFromLevels(level);
      const stages = await compute("epsStages", { kind, clean, eps, version });
      if (!stages || get().clean !== clean) return; // a new digit or model came meanwhile
      set({ attack: { ...stages, level, key: `${clean.key}|eps${level}` } });
    });

    /** Gradient and first epsilon for the current digit, model and label. */
    const cleaner = latestOnly<number>(async (gen) => {
      if (gen !== generation) return;
      const { model, source, testIndex, drawn, drawId, chosenLabel, epsLevel } = get();
      set({ status: "working", error: null });
      const digit = source === "test" || !drawn ? { test: testIndex } : { drawn };
      const eps = epsilonFromLevels(epsLevel);
      const out = await compute("cleanStages", { kind: model, digit, label: chosenLabel, eps });
      const at = "test" in digit ? `test${out.index}` : `drawn${drawId}`;
      const key = `${model}|${at}|y${out.clean.label}|v${out.version}`;
      if (gen !== generation) return;
      const clean: CleanResult = { ...out.clean, model, version: out.version, key };
      set({
        clean,
        attack: { ...out.attack, level: epsLevel, key: `${key}|eps${epsLevel}` },
        trueLabel: out.trueLabel,
        testIndex: "test" in digit ? out.index : testIndex,
        testCount: out.count,
        status: "ready",
      });
      if (get().epsLevel !== epsLevel) void attacker.request(get().epsLevel)?.catch(fail);
    });

    /** Recomputes everything (new digit, model, label or weights), once started. */
    const refresh = () => {
      if (!started) return;
      const gen = ++generation;
      attacker.cancel();
      void cleaner.request(gen)?.catch(fail);
    };

    // New weights (a model retrained or restored): recompute what is on screen.
    digits.subscribe((s, prev) => {
      if (started && s.modelsVersion !== prev.modelsVersion && prev.modelsVersion > 0) refresh();
    });

    const actions: StepsActions = {
      start() {
        if (started) return;
        started = true;
        refresh(); // `run` loads the digits and models first if no chapter has yet
      },
      setModel(choice) {
        const model = oneOf(choice, DIGIT_MODEL_KINDS);
        if (!model || model === get().model) return;
        set({ model });
        refresh();
      },
      showTest(at) {
        if (!Number.isFinite(at)) return;
        const index = Math.round(at);
        const count = get().testCount;
        const testIndex = count > 0 ? ((index % count) + count) % count : index;
        set({ source: "test", testIndex, chosenLabel: null });
        refresh();
      },
      stepTest(delta) {
        actions.showTest(get().testIndex + delta);
      },
      randomTest() {
        const count = get().testCount;
        if (count > 0) actions.showTest(Math.floor(Math.random() * count));
      },
      useDrawing(grey, size) {
        set({
          source: "drawn",
          drawn: digitFromDrawing(grey, size),
          drawId: get().drawId + 1,
          chosenLabel: null,
        });
        refresh();
      },
      chooseLabel(choice) {
        const label = clampInt(choice, 0, DIGIT_CLASS_COUNT - 1);
        if (label !== choice || get().source !== "drawn" || label === get().chosenLabel) return;
        set({ chosenLabel: label });
        refresh();
      },
      setEpsLevel(level) {
        const epsLevel = clampInt(level, 0, STEPS_MAX_LEVEL);
        if (epsLevel === undefined || epsLevel === get().epsLevel) return;
        set({ epsLevel });
        if (get().clean) void attacker.request(epsLevel)?.catch(fail);
      },
    };

    return { ...initialStepsState(), actions };
  });
}
