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

/** `firstStartDies`: the store's first worker never comes up (a refused script), the next does. */
export function inProcessDigits({ firstStartDies = false } = {}) {
  const fetched: string[] = [];
  const { client, close } = inProcess<DigitsApi>(
    createDigitsHandlers({
      startBackend: startCpuBackend,
      fetchFn: fetchFromPublic(fetched),
    }),
  );
  const digits = createSharedDigits(`${ORIGIN}data/mnist.bin.gz`);
  let made = 0;
  const store = createDigitsStore({
    makeClient: () => (firstStartDies && made++ === 0 ? deadWorker("digits worker") : client),
    backend: "cpu",
    digits,
    weightsUrl: `${ORIGIN}models/digits/`,
    wasmPath: `${ORIGIN}tfjs-wasm/`,
  });
  return { store, client, close, digits, fetched };
}
