import { fetchDigits, splitDigits } from "../../engine/digits/mnistData";
import { errorMessage } from "../../engine/errorMessage";
import { startTrainingBackend } from "./backendChoice";
import type { FromWorker, ToWorker } from "./protocol";
import { TrainingSession } from "./session";

/**
 * The training worker: all of chapters 5-6's tfjs work runs here, on its own WebGL context
 * (OffscreenCanvas), so the page's main thread only draws. Messages: see protocol.ts.
 */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker) => {
  const transfer =
    message.type === "deltas"
      ? [message.snapshot.images.buffer, ...message.snapshot.deltas.map((d) => d.buffer)]
      : [];
  scope.postMessage(message, transfer);
};

let session: TrainingSession | null = null;
let backends: Awaited<ReturnType<typeof startTrainingBackend>> | null = null;

/** Starts go to the session once the best backend for their models is on. */
async function handle(message: ToWorker): Promise<void> {
  if (message.type === "start" && backends) {
    post({ type: "backend", backend: await backends.forRuns(message.runs) });
  }
  session?.handle(message);
}
/** Messages that arrive while the data is still loading are handled once it is in. */
const early: ToWorker[] = [];

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type !== "init") {
    if (session) await handle(message);
    else early.push(message);
    return;
  }
  try {
    backends = await startTrainingBackend(message.backend, message.wasmPath);
    const backend = backends.started;
    const split = splitDigits(await fetchDigits(message.dataUrl));
    session = new TrainingSession(split, post);
    post({ type: "ready", backend, trainDigits: split.train.count, testDigits: split.test.count });
    for (const m of early.splice(0)) await handle(m);
  } catch (error) {
    post({ type: "error", message: `The training worker could not start: ${errorMessage(error)}` });
  }
};
