import { CATASTROPHIC_OVERFITTING } from "../../engine/digits/adversarial/settings";
import type { MethodSettings } from "../../engine/digits/adversarial/types";
import { trainingStore } from "../../store/training";
import type { TrainingSetup } from "../../store/training/trainingStore";

/** A ready-made comparison for the lab: a setup and the method settings it needs. */
export interface LabPreset {
  setup: Partial<TrainingSetup>;
  settings: Partial<MethodSettings>;
}

/** Chapter 6's headline comparison: the same budget of backward passes, three ways. */
export const COMPARE_FREE: LabPreset = {
  setup: { methods: ["standard", "pgd", "free"], compareEarlyStopping: false },
  settings: {},
};

/**
 * Catastrophic overfitting, and early stopping catching it: fast FGSM from a zero start with a
 * step of eps on the CNN at eps = 77/255 (Madry et al.'s 0.3), trained twice from the same start,
 * early stopping off and on. Ten epochs of standard training's budget are five of fast training.
 */
export const OVERFITTING: LabPreset = {
  setup: { methods: ["fast"], kind: "cnn", seed: 2, budgetEpochs: 10, compareEarlyStopping: true },
  settings: { ...CATASTROPHIC_OVERFITTING, eps: 77 / 255 },
};

/** Puts a preset's setup and settings into the lab (it must be idle: reset first). */
export function applyPreset(preset: LabPreset): void {
  const { actions } = trainingStore.getState();
  actions.configure(preset.setup);
  actions.setSettings(preset.settings);
}

/** Resets the lab, applies the preset and starts it (the buttons sit in the lab's controls). */
export function runPreset(preset: LabPreset): void {
  trainingStore.getState().actions.reset();
  applyPreset(preset);
  trainingStore.getState().actions.start();
}
