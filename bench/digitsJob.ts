import type { Page } from "@playwright/test";

/** Calls one job of the page's digits worker ("batch" priority), the digits loaded first. */
export function digitsJob<T>(page: Page, method: string, args: object): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      type Compute = (method: string, args: object, options?: object) => Promise<unknown>;
      const digits = (
        window as unknown as {
          __gibbon: {
            digits: { getState(): { actions: { start(): Promise<void>; compute: Compute } } };
          };
        }
      ).__gibbon.digits;
      await digits.getState().actions.start();
      return digits.getState().actions.compute(m, a, { priority: "batch" });
    },
    [method, args] as const,
  ) as Promise<T>;
}
