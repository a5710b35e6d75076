import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { expect, test, waitForIdle } from "../e2e/fixtures";
import { DEFAULT_METHOD_SETTINGS } from "../src/engine/digits/adversarial/settings";
import { median, table } from "./stats";

test.setTimeout(1_800_000);

type Kind = "softmax" | "mlp" | "cnn";
type Method = "standard" | "fgsm" | "pgd" | "free" | "fast";
const METHODS: Method[] = ["standard", "fgsm", "pgd", "free", "fast"];

/**
 * Budget of each model, in epochs of standard training (125 minibatches of 64), the same
 * backward passes for every method. Measured here (2 cores, no GPU): a standard step takes
 * ~4 ms (softmax, WASM), ~15-20 ms (MLP, WASM), 0.5-0.9 s (CNN, SwiftShader WebGL). So each
 * run lasts a few seconds (CNN: about a minute), PGD-3 and free get 24 minibatches (CNN) or
 * >= 125 (dense), and the whole bench takes ~8 minutes. GIBBON_BENCH_KINDS="softmax,mlp" runs
 * a subset.
 */
const BUDGET_EPOCHS: Record<Kind, number> = { softmax: 8, mlp: 4, cnn: 0.75 };
const KINDS = (process.env.GIBBON_BENCH_KINDS?.split(",") as Kind[] | undefined) ?? [
  "softmax",
  "mlp",
  "cnn",
];
/**
 * Steps of each run left out of its median and mean (first calls: WASM warm-up, shader
 * compiles; on WebGL standard's first step takes ~3 s, which would flatter every ratio).
 */
const WARMUP_STEPS = 3;
/** The defaults of the page (eps 0.1, alpha 0.5, k = 3, m = 4), early stopping off. */
const SETTINGS = { ...DEFAULT_METHOD_SETTINGS, earlyStopping: false };
/** Nominal cost of a minibatch update relative to standard's, per backward pass for free. */
const TARGET: Record<Method, string> = {
  standard: "1",
  fgsm: "~2",
  pgd: `~${SETTINGS.pgdSteps + 1}`,
  free: "<= 1.15",
  fast: "~2",
};

/** One `step` message of the training worker, as the page received it. */
interface StepRecord {
  runId: string;
  seconds: number;
  forward: number;
  backward: number;
  minibatches: number;
}

interface RunResult {
  method: Method;
  counters: { forward: number; backward: number; seconds: number; minibatches: number };
  done: boolean;
  /** Wall time of each minibatch update (free: its m replays), in the worker, seconds. */
  stepSeconds: number[];
}

/**
 * Chapters 5-6's cost claim in headless Chromium: all five training methods of each digit
 * model, trained side by side in the training worker (the production path: the page's store,
 * its worker, the backend that worker picks), with the same backward-pass budget. Per method:
 * the exact pass counters, the worker's own wall time of the training steps (evaluations
 * excluded) and the median of its per-minibatch times, read from the worker's step messages.
 * Cost per data pass relative to standard training: a minibatch update of FGSM, PGD-k and fast
 * is one data pass of that minibatch; free training's m replays are reported per backward pass
 * (its "same cost as standard" claim: the same backward passes in the same time).
 * Reported, not asserted.
 */
test("chapters 5-6: cost of adversarial training per data pass", async ({ page }) => {
  // Listens to the training worker's messages (the store's own handler still gets them all;
  // it folds steps every 300 ms, so the per-step times are read here).
  await page.addInitScript(() => {
    const w = window as unknown as { __trainingSteps: unknown[]; Worker: typeof Worker };
    w.__trainingSteps = [];
    const Base = w.Worker;
    w.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== "gibbon-training") return;
        this.addEventListener("message", (event: MessageEvent) => {
          const m = event.data as {
            type: string;
            runId: string;
            counters: Omit<StepRecord, "runId">;
          };
          if (m.type === "step") w.__trainingSteps.push({ runId: m.runId, ...m.counters });
        });
      }
    };
  });
  await page.goto("/");
  await waitForIdle(page); // chapter 1's MobileNet work is done: the worker has the CPU

  type KindResult = {
    backend: string;
    budgetEpochs: number;
    runs: RunResult[];
    wallSeconds: number;
  };
  const results: Record<string, KindResult> = {};
  const loadBefore = loadavg()[0];
  for (const kind of KINDS) {
    const budgetEpochs = BUDGET_EPOCHS[kind];
    const t0 = Date.now();
    const result = await page.evaluate(
      async ({ kind, budgetEpochs, methods, settings }) => {
        interface Training {
          getState(): {
            phase: string;
            error: string | null;
            backend: { name: string } | null;
            runs: {
              id: string;
              method: string;
              done: boolean;
              counters: {
                forward: number;
                backward: number;
                seconds: number;
                minibatches: number;
              } | null;
            }[];
            actions: {
              configure(p: object): void;
              setSettings(p: object): void;
              start(): void;
              reset(): void;
            };
          };
          subscribe(fn: () => void): () => void;
        }
        const w = window as unknown as {
          __gibbon: { training: Training };
          __trainingSteps: StepRecord[];
        };
        const training = w.__gibbon.training;
        const { actions } = training.getState();
        actions.reset();
        actions.configure({
          methods,
          kind,
          budgetEpochs,
          evalDigits: 50, // evaluations are excluded from the seconds: keep them cheap
          evalSteps: 1,
          delayMs: 0,
        });
        actions.setSettings(settings);
        w.__trainingSteps = [];
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            const s = training.getState();
            if (s.phase === "done") resolve();
            else if (s.phase === "error") reject(new Error(s.error ?? "training failed"));
            else return false;
            return true;
          };
          const off = training.subscribe(() => {
            if (check()) off();
          });
          actions.start();
        });
        const s = training.getState();
        const steps = w.__trainingSteps;
        const runs = s.runs.map((r) => {
          const mine = steps.filter((m) => m.runId === r.id);
          const stepSeconds = mine.map((m, i) => m.seconds - (i > 0 ? mine[i - 1].seconds : 0));
          return {
            method: r.method,
            counters: r.counters ?? { forward: 0, backward: 0, seconds: 0, minibatches: 0 },
            done: r.done,
            stepSeconds,
          };
        });
        const backend = s.backend?.name ?? "?";
        actions.reset();
        return { backend, budgetEpochs, runs };
      },
      { kind, budgetEpochs, methods: METHODS, settings: SETTINGS },
    );
    results[kind] = {
      ...(result as Omit<KindResult, "wallSeconds">),
      wallSeconds: (Date.now() - t0) / 1000,
    };
  }
  const loadAfter = loadavg()[0];

  /** Replays of one minibatch update: free's m, 1 for the others. */
  const replays = (m: Method) => (m === "free" ? SETTINGS.replays : 1);
  const tables = Object.entries(results).map(([kind, k]) => {
    const perPass = (r: RunResult) => {
      const steady = r.stepSeconds.slice(WARMUP_STEPS);
      const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
      return { median: median(steady) / replays(r.method), mean: mean / replays(r.method) };
    };
    const standard = k.runs.find((r) => r.method === "standard");
    const base = standard ? perPass(standard) : { median: Number.NaN, mean: Number.NaN };
    const rows = k.runs.map((r) => {
      const p = perPass(r);
      return {
        method: r.method,
        minibatches: r.counters.minibatches,
        forward: r.counters.forward,
        backward: r.counters.backward,
        seconds: r.counters.seconds,
        msPerPassMedian: p.median * 1000,
        msPerPassMean: p.mean * 1000,
        ratioMedian: p.median / base.median,
        ratioMean: p.mean / base.mean,
        steps: r.stepSeconds.length,
      };
    });
    const title =
      `${kind} on ${k.backend}, budget ${k.budgetEpochs} epoch(s) of standard training ` +
      `(${standard?.counters.backward ?? "?"} backward passes per method), batch 64, ` +
      `eps ${SETTINGS.eps}, alpha ${SETTINGS.alpha}, k ${SETTINGS.pgdSteps}, m ${SETTINGS.replays}, ` +
      `early stopping off; all five interleaved, ${k.wallSeconds.toFixed(0)} s in all`;
    const text = table([
      [
        "method",
        "backend",
        "minibatches",
        "fwd/bwd",
        "seconds",
        "ms/pass median",
        "ms/pass mean",
        "x standard (median)",
        "x standard (mean)",
        "target",
      ],
      ...rows.map((r) => [
        r.method,
        k.backend,
        r.minibatches,
        `${r.forward}/${r.backward}`,
        r.seconds.toFixed(2),
        r.msPerPassMedian.toFixed(2),
        r.msPerPassMean.toFixed(2),
        r.ratioMedian.toFixed(2),
        r.ratioMean.toFixed(2),
        TARGET[r.method],
      ]),
    ]);
    return { kind, title, text, rows };
  });
  console.log(
    `\n${tables.map((t) => `${t.title}\n${t.text}`).join("\n\n")}\n\n` +
      "ms/pass: the worker's wall time per data pass of a minibatch, median and mean of the " +
      `per-minibatch times after ${WARMUP_STEPS} warm-up steps (seconds: all steps, as the ` +
      "page's cost table sees them); free: per backward pass, one of its m replays.\n" +
      `Machine: ${availableParallelism()} cores, 1-min load average ${loadBefore.toFixed(1)} ` +
      `before, ${loadAfter.toFixed(1)} after (other processes share the cores: compare ratios, ` +
      "not absolute times, and only within one run).\n",
  );
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/training.json",
    JSON.stringify(
      {
        settings: SETTINGS,
        loadBefore,
        loadAfter,
        kinds: tables.map((t) => ({ kind: t.kind, ...results[t.kind], rows: t.rows })),
      },
      null,
      2,
    ),
  );
  for (const { runs } of Object.values(results)) {
    expect(runs.map((r) => r.method)).toEqual(METHODS);
    for (const r of runs) {
      expect(r.done, `${r.method} finished`).toBe(true);
      expect(r.counters.seconds).toBeGreaterThan(0);
      expect(r.stepSeconds.length).toBeGreaterThan(WARMUP_STEPS);
    }
  }
  for (const t of tables) {
    for (const r of t.rows) {
      expect(Number.isFinite(r.ratioMedian), `${t.kind} ${r.method} ratio`).toBe(true);
      expect(Number.isFinite(r.ratioMean), `${t.kind} ${r.method} ratio`).toBe(true);
    }
  }
});
