import type { LabStore } from "./labStore";

// Module-level selectors: stable identities, so components re-render only on change.
export const selectModel = (s: LabStore) => s.model;
export const selectImage = (s: LabStore) => s.image;
export const selectSettings = (s: LabStore) => s.settings;
// Single settings, so a slider move re-renders only what shows epsilon.
export const selectEpsLevel = (s: LabStore) => s.settings.epsLevel;
export const selectTargetClass = (s: LabStore) => s.settings.targetClass;
export const selectAttackKind = (s: LabStore) => s.settings.kind;
export const selectSteps = (s: LabStore) => s.settings.steps;
export const selectRandomStart = (s: LabStore) => s.settings.randomStart;
export const selectOriginal = (s: LabStore) => s.original;
export const selectAdversarial = (s: LabStore) => s.adversarial;
export const selectSweep = (s: LabStore) => s.sweep;
export const selectBackend = (s: LabStore) => s.backend;
export const selectWorking = (s: LabStore) => s.working;
export const selectNotice = (s: LabStore) => s.notice;
