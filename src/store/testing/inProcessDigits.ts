/**
 * Test-only: the digits worker in-process. Its handlers serve one end of a MessageChannel on
 * the cpu backend, fetching the page's own files from public/; the real digits store talks to
 * the other end, exactly as it talks to the worker in the browser.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DigitsApi } from "../../workers/digits/api";
import { createDigitsHandlers } from "../../workers/digits/handlers";
import { startCpuBackend } from "../../workers/rpc/testing/cpuBackend";
import { inProcess } from "../../workers/rpc/testing/inProcess";
import { createDigitsStore } from "../digits/digitsStore";
import { createSharedDigits } from "../sharedDigits";
import { deadWorker } from "./deadWorker";

const PUBLIC = path.resolve(import.meta.dirname, "../../../public");
const ORIGIN = "http://gibbon.test/";

/** fetch for the page's own files, read from public/; `fetched` lists the paths asked for. */
const fetchFromPublic =
  (fetched: string[]): typeof fetch =>
  async (input) => {
    const url = new URL(String(input));
    fetched.push(url.pathname);
    try {
      return new Response(await readFile(path.join(PUBLIC, url.pathname)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };

/**
 * `firstStartDies`: the store's first worker never comes up (a refused script), the next does.
 * `kill()` makes the current worker die mid-job as a real one does (its calls fail, `whenDead`
 * says so); the store's next worker is a fresh one.
 */
export function inProcessDigits({ firstStartDies = false } = {}) {
  const fetched: string[] = [];
  const connect = () => {
    const { client, close } = inProcess<DigitsApi>(
      createDigitsHandlers({
        startBackend: startCpuBackend,
        fetchFn: fetchFromPublic(fetched),
      }),
    );
    let die: (message: string) => void = () => undefined;
    const whenDead = new Promise<string>((resolve) => {
      die = resolve;
    });
    let alive = true;
    const kill = () => {
      alive = false;
      const message = "The digits worker stopped answering (it may have run out of memory).";
      die(message);
      client.failAll(message);
      close();
    };
    return { client, close, kill, session: { ...client, whenDead, isAlive: () => alive } };
  };
  const first = connect();
  const workers = [first];
  const digits = createSharedDigits(`${ORIGIN}data/mnist.bin.gz`);
  let made = 0;
  let firstUsed = false;
  const store = createDigitsStore({
    makeClient: () => {
      if (firstStartDies && made++ === 0) return deadWorker("digits worker");
      if (!firstUsed) {
        firstUsed = true;
        return first.session;
      }
      const next = connect();
      workers.push(next);
      return next.session;
    },
    backend: "cpu",
    digits,
    weightsUrl: `${ORIGIN}models/digits/`,
    wasmPath: `${ORIGIN}tfjs-wasm/`,
  });
  const close = () => {
    for (const w of workers) w.close();
  };
  return {
    store,
    client: first.client,
    close,
    digits,
    fetched,
    kill: () => workers.at(-1)?.kill(),
    workersMade: () => workers.length,
  };
}
