import { expect, test } from "@playwright/test";
import { importersOf, workerEntries } from "./bundle";

/**
 * WebKit evaluates a module worker's entry a second time when another chunk imports bindings
 * from it: a second set of handlers then answers the page, without the first one's state
 * (chapter 1 said its own server "did not answer"; the digits never loaded). The build keeps
 * every worker's entry chunk free of importers (vite.config.ts, `worker-main`).
 */
test("no built chunk imports a worker's entry chunk", () => {
  const entries = workerEntries();
  expect(entries.length).toBe(3); // the ImageNet, digits and training workers
  for (const entry of entries) expect(importersOf(entry), entry).toEqual([]);
});
