/**
 * Test and debugging handle: the page (and each worker) exposes named handles as
 * `globalThis.__gibbon`; every call adds to it. Plain, so the page can use it without tfjs.
 */
export function exposeForDebugging(extra: Record<string, unknown>): void {
  const g = globalThis as unknown as { __gibbon?: Record<string, unknown> };
  g.__gibbon = { ...g.__gibbon, ...extra };
}
