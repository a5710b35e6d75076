import { findImageNetModel } from "../../engine/models/catalog";
import {
  fileBytes,
  type ImagenetApi,
  type LoadedModel,
  type ModelFrom,
} from "../../workers/imagenet/api";
import { type CallOptions, RemoteError } from "../../workers/rpc/client";
import { type JobToken, jobSlot } from "../jobSlot";
import type { LabState } from "../types";
import { labMessage } from "./message";

/** The value range a model loaded from disk expects its pixels in. */
export type InputRange = [number, number];

/** What chapter 1's model loading needs of the lab. */
export interface ModelHost {
  get(): LabState;
  set(patch: Partial<LabState>): void;
  compute<M extends "loadModel" | "adoptModel">(
    method: M,
    args: ImagenetApi[M]["args"],
    options?: CallOptions<ImagenetApi[M]["progress"]>,
  ): Promise<ImagenetApi[M]["result"]>;
  /** Called before the worker swaps the new model in: the lab stops what the old one runs. */
  stopWork(): void;
  /** The new model is in use (its input size given): the lab classifies the image again. */
  adopted(inputSize: number): Promise<void>;
}

/**
 * Chapter 1's classifier: loads a catalog model or the reader's files in the worker and swaps
 * it in, unless a newer request came meanwhile. A failed load keeps the model in use.
 */
export function labModel(host: ModelHost) {
  const requests = jobSlot();
  let from: ModelFrom | null = null;
  let ready = false;
  const patch = (p: Partial<LabState["model"]>) =>
    host.set({ model: { ...host.get().model, ...p } });

  /** A model failed to load: the model in use (if any) stays, named, and the failure is said once. */
  const failed = (inUse: LabState["model"] | null, id: string, label: string, err: unknown) => {
    const needsNetwork =
      err instanceof RemoteError && (err.code === "offline" || err.code === "http");
    const failure = { id, label, message: labMessage(err), needsNetwork };
    patch(inUse ? { ...inUse, status: "ready", failure } : { status: "error", failure });
  };

  async function load(req: JobToken, source: ModelFrom): Promise<void> {
    const loaded: LoadedModel = await host.compute(
      "loadModel",
      { role: "attack", from: source },
      {
        priority: "io",
        signal: req.signal,
        onProgress: ({ loaded, total }) => req.isCurrent() && patch({ loaded, total }),
      },
    );
    if (!req.isCurrent()) return;
    host.stopWork();
    await host.compute("adoptModel", { role: "attack" });
    ready = true;
    from = source;
    const { id, label } = loaded;
    patch({ status: "ready", id, label, source: loaded.source, failure: null });
    await host.adopted(loaded.inputSize);
  }

  /** Starts a request (the one before is aborted), showing the model in use if a load fails. */
  async function request(
    id: string,
    label: string,
    loading: Partial<LabState["model"]>,
    source: () => Promise<ModelFrom>,
  ) {
    const req = requests.begin();
    const inUse = ready ? host.get().model : null;
    patch({ ...loading, status: "loading", failure: null });
    try {
      await load(req, await source());
    } catch (err) {
      if (req.isCurrent()) failed(inUse, id, label, err);
    }
  }

  return {
    /** True once a model is in the worker (and until its worker is lost). */
    ready: () => ready,
    async select(id: string): Promise<void> {
      const spec = findImageNetModel(id);
      if (!spec) return;
      const loading = { id, label: spec.label, loaded: 0, total: spec.sizeBytes };
      await request(id, spec.label, loading, async () => ({ catalog: id }));
    },
    async loadFiles(files: File[], inputRange: InputRange): Promise<void> {
      const label = files.find((f) => f.name.endsWith(".json"))?.name ?? "The model files";
      await request("files", label, { loaded: 0, total: 0 }, async () => ({
        files: await fileBytes(files),
        inputRange,
      }));
    },
    /** The worker lost every tensor (a lost WebGL context): no model until `reload`. */
    lost(): void {
      ready = false;
    },
    /** Loads the last model again, in a fresh worker. */
    async reload(): Promise<void> {
      if (from) await load(requests.begin(), from);
    },
  };
}
