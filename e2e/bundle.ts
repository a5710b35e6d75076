import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The built app the e2e tests serve (see playwright.config.ts). */
export const DIST = process.env.GIBBON_DIST ?? "dist";

/**
 * The scripts a first visit must fetch before chapter 1 can run: the entry module and the
 * chunks index.html preloads with it (its static imports). Everything else loads on demand.
 */
export function entryScripts(dist = DIST): string[] {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(
      /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+)"/g,
    ),
  ];
  return refs.map((m) => m[1]);
}

/** A built file's size in kB once gzipped, as a static host would send it. */
export const gzipKb = (file: string, dist = DIST): number =>
  gzipSync(readFileSync(join(dist, file))).length / 1024;

/** The files' gzip sizes added up, in kB. */
export const totalGzipKb = (files: readonly string[], dist = DIST): number =>
  files.reduce((sum, f) => sum + gzipKb(f, dist), 0);

/** Every built script in assets/ (file names relative to the build). */
export const builtScripts = (dist = DIST): string[] =>
  readdirSync(join(dist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`);

/** The entry chunks of the page's workers (`new Worker(new URL("worker-….js", import.meta.url))`). */
export function workerEntries(dist = DIST): string[] {
  const found = new Set<string>();
  for (const file of builtScripts(dist)) {
    const code = readFileSync(join(dist, file), "utf8");
    for (const m of code.matchAll(/new Worker\(new URL\(new URL\(`([^`]+)`/g)) found.add(m[1]);
  }
  return [...found];
}

/** The built scripts that import `chunk` (a file name in assets/), statically or dynamically. */
export const importersOf = (chunk: string, dist = DIST): string[] =>
  builtScripts(dist).filter((file) =>
    new RegExp(`["'\`]\\./${chunk.replaceAll(".", "\\.")}["'\`]`).test(
      readFileSync(join(dist, file), "utf8"),
    ),
  );
