/**
 * Test-only: the ImageNet worker in-process, on the cpu backend. The app's own files are
 * answered by the global `fetch` (stub it with fixtureFetch), under their catalog paths; the
 * real lab store talks to the client, exactly as it talks to the worker in the browser.
 */

import type { ImagenetApi } from "../../workers/imagenet/api";
import { createImagenetHandlers } from "../../workers/imagenet/handlers";
import { startCpuBackend } from "../../workers/rpc/testing/cpuBackend";
import { inProcess } from "../../workers/rpc/testing/inProcess";
import { createLabStore } from "../labStore";

const ORIGIN = "http://gibbon.test/";

export function inProcessImagenet() {
  const { client, close } = inProcess<ImagenetApi>(
    createImagenetHandlers({
      startBackend: startCpuBackend,
      fetchFn: (url, init) => globalThis.fetch(url.replace(ORIGIN, ""), init),
    }),
  );
  const store = createLabStore({
    makeClient: () => ({ ...client, close }),
    wasmPath: `${ORIGIN}tfjs-wasm/`,
    pageUrl: ORIGIN,
  });
  return { store, client, close };
}
