/** Test-only: the shipped corpus, read from public/ as the page fetches it. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS_PATH = path.resolve(
  import.meta.dirname,
  "../../../../public/data/sentences.tsv",
);

export const shippedCorpusText = () => readFileSync(CORPUS_PATH, "utf8");
