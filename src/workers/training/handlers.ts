import * as tf from "@tensorflow/tfjs-core";
import type { BackendPreference, BackendStatus } from "../../engine/backend";
import { loadDigitSplit } from "../../engine/digits/mnistData";
import type { Handlers } from "../rpc/serve";
import type { RunRequest, TrainingApi } from "./protocol";
import { TrainingSession } from "./session";

export interface TrainingSources {
  /** Starts the worker's backend; `forRuns` then picks the best one for a set of runs. */
  startBackend(
    preferred: BackendPreference,
    wasmPath: string,
  ): Promise<{
    started: BackendStatus;
    forRuns(runs: readonly RunRequest[]): Promise<BackendStatus>;
  }>;
}

/** The training worker's handlers (chapters 5-6); tests serve them in-process. */
export function createTrainingHandlers(sources: TrainingSources): Handlers<TrainingApi> {
  let session: TrainingSession | null = null;
  let backends: Awaited<ReturnType<TrainingSources["startBackend"]>> | null = null;

  return {
    async load({ backend, digits, wasmPath }) {
      backends = await sources.startBackend(backend, wasmPath);
      const split = await loadDigitSplit(digits);
      session = new TrainingSession(split);
      return {
        backend: backends.started,
        trainDigits: split.train.count,
        testDigits: split.test.count,
      };
    },
    async train(args, job) {
      if (!session || !backends) throw new Error("The training worker has not loaded the digits.");
      job.progress({ kind: "backend", backend: await backends.forRuns(args.runs) });
      return session.train(args, job);
    },
    async control(args) {
      session?.control(args);
      return null;
    },
    async digitSplit() {
      if (!session) throw new Error("The training worker has not loaded the digits.");
      return session.split;
    },
    async memory() {
      return { numTensors: tf.memory().numTensors };
    },
  };
}
