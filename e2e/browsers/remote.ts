/**
 * The few things the WebKit and Firefox runs ask of a browser, over WebDriver (WebKitGTK) or
 * WebDriver BiDi (Firefox): Playwright's own WebKit and Firefox builds cannot be downloaded
 * here, so these runs drive Debian's browsers through their own drivers. Everything else is
 * done in the page, by plain functions that both drivers serialise the same way.
 */

/** An element found in the page: a CSS selector, and optionally its name (label or text). */
export interface Target {
  css: string;
  /** Matched against the element's aria-label, its label's text, or its own text. */
  name?: RegExp;
}

/** A target as it crosses into the page (a RegExp does not serialise). */
export interface PageTarget {
  css: string;
  source: string | null;
  flags: string;
}

export const toPage = ({ css, name }: Target): PageTarget => ({
  css,
  source: name?.source ?? null,
  flags: name?.flags ?? "",
});

/** One browser tab the tests drive. */
export interface RemotePage {
  readonly engine: "webkit" | "firefox";
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page and returns its (awaited, serialisable) result. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks the first visible match with the browser's own input (scrolled into view). */
  click(target: Target): Promise<void>;
  /** Focuses the first visible match and presses one key ("ArrowRight", "End", ...). */
  press(target: Target, key: Key): Promise<void>;
  /** Replaces the text of a text box or text area by typing `text` into it. */
  fill(target: Target, text: string): Promise<void>;
  /** Puts a file from disk into a file input. */
  upload(target: Target, path: string): Promise<void>;
  close(): Promise<void>;
}

export type Key = "ArrowRight" | "ArrowLeft" | "Home" | "End";

/**
 * In the page: the first visible element that matches a target, or null. Self-contained (it is
 * sent to the page as source text).
 */
export function findInPage(t: PageTarget): Element | null {
  const name = t.source === null ? null : new RegExp(t.source, t.flags);
  const labelOf = (el: Element): string => {
    const aria = el.getAttribute("aria-label");
    if (aria) return aria;
    const by = el.getAttribute("aria-labelledby");
    if (by)
      return by
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? "").join(" ");
    return el.textContent ?? "";
  };
  for (const el of document.querySelectorAll(t.css)) {
    const shown = el.getClientRects().length > 0 || (el as HTMLInputElement).type === "file";
    if (shown && (name === null || name.test(labelOf(el).trim()))) return el;
  }
  return null;
}

/** Retries `get` every 250 ms until it gives an element (as Playwright's locators wait). */
export async function waitForElement<E>(
  target: Target,
  get: () => Promise<E | null>,
  timeout = 60_000,
): Promise<E> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await get();
    if (found) return found;
    if (Date.now() > end)
      throw new Error(`No visible ${target.css} named ${target.name ?? "anything"}.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
