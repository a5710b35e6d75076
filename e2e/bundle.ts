import { readFileSync } from "node:fs";
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
