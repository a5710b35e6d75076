import type { StoreApi } from "zustand";
import { createStore } from "zustand/vanilla";
import type { ZooBatchRow } from "../../engine/attacks/zoo/batch";
import type {
  ZooChoice,
  ZooCompareProgress,
  ZooComparison,
} from "../../engine/attacks/zoo/compare";
import {
  ZOO,
  ZOO_IDS,
  type ZooAttackId,
  type ZooDomain,
  type ZooParams,
  zooIds,
} from "../../engine/attacks/zoo/registry";
import type { DigitModelKind } from "../../engine/digits/digitModelKinds";
import { DIGIT_MODEL_KINDS } from "../../engine/digits/digitModelKinds";
import { TEST_DIGITS } from "../../engine/digits/testDigits";
import { GIBBON } from "../../engine/models/classNames";
import { clamp, clampInt, ifValid, oneOf, wrap } from "../../engine/validate";
import type { CallOptions } from "../../workers/rpc/client";
import { type BatchRun, batchRunner } from "../batchRun";
import type { DigitsStore } from "../digits/digitsStore";
import type { LabStore } from "../labStore";
import { whenState } from "../whenState";

/** Chapter 1's state once its photo is classified; throws if that will not happen by itself. */
function photoReady(lab: LabStore): LabStore | undefined {
  if (lab.original) return lab;
  if (lab.model.status === "error" || lab.image.status === "error" || lab.notice?.retry)
    throw new Error("Chapter 1 has no classified photo to attack: see its message above.");
  return undefined;
}

/** What the zoo attacks: chapter 1's photo and model, or a test digit of a digit model. */
export type ZooSubject = "photo" | DigitModelKind;

/** The columns the comparison table sorts by. */
export type ZooSortKey =
  | "name"
  | "success"
  | "confidence"
  | "margin"
  | "l0"
  | "l2"
  | "linf"
  | "gradients"
  | "ms";

/** How far the current attack of a comparison has got (iterations). */
export interface ZooStep {
  id: ZooAttackId;
  index: number;
  done: number;
  total: number;
}

export interface ZooState {
  subject: ZooSubject;
  /** The test digit attacked when the subject is a digit model. */
  digitIndex: number;
  /** The attacks ticked, per domain (a photo does not offer JSMA). */
  chosen: Record<ZooDomain, ZooAttackId[]>;
  /** The settings the reader changed, per domain and attack (the rest are defaults). */
  edits: Record<ZooDomain, Partial<Record<ZooAttackId, ZooParams>>>;
  /** The comparison: the rows so far while it runs, then the clean image and every row. */
  comparison: BatchRun<ZooComparison> | null;
  /** What the comparison ran on, for the table's caption. */
  comparedOn: { subject: ZooSubject; digitIndex: number } | null;
  step: ZooStep | null;
  /** A photo comparison asked for before chapter 1 had classified its photo waits for it. */
  waitingForPhoto: boolean;
  sort: { key: ZooSortKey; ascending: boolean };
  /** Batch mode on a digit model: a row per attack over `batchCount` test digits. */
  batchCount: number;
  batch: BatchRun<ZooBatchRow[]> | null;
}

export interface ZooActions {
  setSubject(subject: ZooSubject): void;
  setDigitIndex(index: number): void;
  toggle(id: ZooAttackId, on: boolean): void;
  setParam(id: ZooAttackId, key: string, value: number): void;
  resetParams(id: ZooAttackId): void;
  compare(): void;
  cancelCompare(): void;
  sortBy(key: ZooSortKey): void;
  setBatchCount(count: number): void;
  runBatch(): void;
  cancelBatch(): void;
}

export type ZooStore = ZooState & { actions: ZooActions };

/** Batch mode offers these counts of test digits. */
export const BATCH_COUNTS = [20, 50, 100, 200] as const;

const SUBJECTS: readonly ZooSubject[] = ["photo", ...DIGIT_MODEL_KINDS];

export const domainOf = (subject: ZooSubject): ZooDomain =>
  subject === "photo" ? "photo" : "digits";

export const initialZooState = (): ZooState => ({
  subject: "photo",
  digitIndex: 0,
  chosen: {
    photo: ["fgsm", "pgd", "deepFool"],
    digits: ["fgsm", "pgd", "deepFool", "cw", "jsma"],
  },
  edits: { photo: {}, digits: {} },
  comparison: null,
  comparedOn: null,
  step: null,
  waitingForPhoto: false,
  sort: { key: "l2", ascending: true },
  batchCount: 100,
  batch: null,
});

/**
 * The attack zoo (chapter 1's last panel): the chosen attacks, with the reader's settings, on
 * chapter 1's photo (ImageNet worker) or on a test digit (digits worker), and the batch mode
 * over many digits. Targeted attacks aim at chapter 1's target on photos (gibbon by default)
 * and at the next class on digits.
 */
export function createZooStore(labStore: StoreApi<LabStore>, digitsStore: StoreApi<DigitsStore>) {
  return createStore<ZooStore>()((set, get) => {
    const comparer = batchRunner<ZooComparison>((comparison) => set({ comparison }));
    const batcher = batchRunner<ZooBatchRow[]>((batch) => set({ batch }));

    /** The attacks to run, in the registry's order, with the reader's settings. */
    const choices = (domain: ZooDomain): ZooChoice[] =>
      zooIds(domain)
        .filter((id) => get().chosen[domain].includes(id))
        .map((id) => ({ id, params: get().edits[domain][id] ?? {} }));

    /** Chapter 1's store once its photo is classified (a Compare pressed during the page's load). */
    async function classifiedLab(signal: AbortSignal): Promise<LabStore> {
      set({ waitingForPhoto: !labStore.getState().original });
      try {
        return await whenState(labStore, photoReady, signal);
      } finally {
        set({ waitingForPhoto: false });
      }
    }

    /** Starts the comparison in the worker that holds the subject. */
    const send = async (
      attacks: ZooChoice[],
      options: CallOptions<ZooCompareProgress> & { signal: AbortSignal },
    ) => {
      const { subject, digitIndex } = get();
      if (subject !== "photo") {
        const args = { kind: subject, index: digitIndex, attacks };
        return digitsStore.getState().actions.compute("zooCompare", args, options);
      }
      const lab = await classifiedLab(options.signal);
      const target = lab.settings.targetClass ?? GIBBON;
      return lab.actions.compute("zooCompare", { attacks, target }, options);
    };

    async function compare(): Promise<void> {
      const { subject, digitIndex } = get();
      const attacks = choices(domainOf(subject));
      if (attacks.length === 0) return;
      set({ step: null, comparedOn: { subject, digitIndex } });
      await comparer.run(attacks.length, async (signal, report) => {
        let partial: ZooComparison | null = null;
        const onProgress = (p: ZooCompareProgress) => {
          if (p.start) partial = { ...p.start, rows: [] };
          if (!partial) return;
          const step = { id: attacks[p.index].id, index: p.index, done: p.done, total: p.total };
          set({ step: p.row || p.start ? null : step });
          if (!p.row && !p.start) return; // a step: only the step line changes
          if (p.row) partial = { ...partial, rows: [...partial.rows, p.row] };
          report({ done: partial.rows.length, total: attacks.length, partial });
        };
        return send(attacks, { priority: "batch", signal, onProgress });
      });
      set({ step: null });
    }

    const actions: ZooActions = {
      setSubject(choice) {
        const subject = oneOf(choice, SUBJECTS);
        if (!subject) return;
        comparer.cancel();
        set({ subject, comparison: null, comparedOn: null, step: null });
      },
      setDigitIndex: (index) =>
        ifValid(wrap(index, TEST_DIGITS), (digitIndex) => set({ digitIndex })),
      toggle(id, on) {
        if (!ZOO_IDS.includes(id)) return;
        const domain = domainOf(get().subject);
        const now = get().chosen[domain].filter((c) => c !== id);
        set({ chosen: { ...get().chosen, [domain]: on ? [...now, id] : now } });
      },
      setParam(id, key, x) {
        const known = ZOO_IDS.includes(id) && Object.hasOwn(ZOO[id].params, key);
        const spec = known ? ZOO[id].params[key] : undefined;
        if (!spec) return;
        const value = (spec.integer ? clampInt : clamp)(x, spec.min, spec.max);
        if (value === undefined) return;
        const domain = domainOf(get().subject);
        const edits = get().edits[domain];
        const next = { ...edits, [id]: { ...edits[id], [key]: value } };
        set({ edits: { ...get().edits, [domain]: next } });
      },
      resetParams(id) {
        const domain = domainOf(get().subject);
        const { [id]: _, ...rest } = get().edits[domain];
        set({ edits: { ...get().edits, [domain]: rest } });
      },
      compare() {
        void compare();
      },
      cancelCompare: () => comparer.cancel(),
      sortBy(key) {
        const { sort } = get();
        set({ sort: { key, ascending: sort.key === key ? !sort.ascending : true } });
      },
      setBatchCount: (choice) =>
        ifValid(oneOf(choice, BATCH_COUNTS), (batchCount) => set({ batchCount })),
      runBatch() {
        const { subject, batchCount } = get();
        const kind = subject === "photo" ? "cnn" : subject;
        const attacks = zooIds("digits").filter((id) => get().chosen.digits.includes(id));
        const params = get().edits.digits;
        void batcher.run(attacks.length, (signal, report) =>
          digitsStore.getState().actions.compute(
            "zooBatch",
            { kind, attacks, count: batchCount, params },
            {
              priority: "batch",
              signal,
              onProgress: (p) => report({ done: p.done, total: p.total, partial: p.rows }),
            },
          ),
        );
      },
      cancelBatch: () => batcher.cancel(),
    };

    return { ...initialZooState(), actions };
  });
}
