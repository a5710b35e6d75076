import type { DigitSource, DigitSplit } from "../engine/digits/mnistData";

/**
 * The page's MNIST digits, fetched and decoded once: the digits worker (chapters 2-4, 7, 8 and the zoo) and chapters 5-6's
 * each need all of them, so the first worker to load fetches the file and the next one gets a
 * copy of the decoded split from it. Nothing is kept on the page. Two workers that load at the
 * very same time both fetch.
 */
export interface SharedDigits {
  /** Where a worker about to load should get the digits. */
  source(): Promise<DigitSource>;
  /** A worker has the split: `copy` asks it for one. The first offer is kept. */
  offer(copy: () => Promise<DigitSplit>): void;
}

export function createSharedDigits(url: string): SharedDigits {
  let copy: (() => Promise<DigitSplit>) | null = null;
  return {
    async source() {
      if (copy) {
        try {
          return { split: await copy() };
        } catch {
          // that worker has gone: fetch the file instead
        }
      }
      return { url };
    },
    offer(next) {
      copy ??= next;
    },
  };
}
