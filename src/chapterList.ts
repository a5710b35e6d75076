/** One chapter of the page: its anchor, its number and its titles (short for menus, full for the heading). */
export interface ChapterEntry {
  id: string;
  number: number;
  short: string;
  title: string;
}

/** The chapters in the blog's order: the one list the table of contents, headings and pager read. */
export const CHAPTERS: readonly ChapterEntry[] = [
  {
    id: "prank",
    number: 1,
    short: "The prank",
    title: "The prank: a panda the network calls a gibbon",
  },
  {
    id: "linearity",
    number: 2,
    short: "Why: linearity",
    title: "Why it happens: too linear, in too many dimensions",
  },
  { id: "fgsm-steps", number: 3, short: "FGSM, step by step", title: "FGSM, step by step" },
  {
    id: "transfer",
    number: 4,
    short: "Transferability",
    title: "Transferability: one attack, many victims",
  },
  {
    id: "training",
    number: 5,
    short: "Adversarial training",
    title: "Adversarial training: learning from your own attacks",
  },
  {
    id: "free",
    number: 6,
    short: "Free adversarial training",
    title: "Adversarial training for free",
  },
  {
    id: "vae",
    number: 7,
    short: "The VAE connection",
    title: "The VAE connection: a small change that walks the latent code",
  },
  {
    id: "arms-race",
    number: 8,
    short: "The arms race",
    title: "The arms race: defences, broken and certified",
  },
];

/** The entry for a chapter id; throws on a typo, so a heading can never point nowhere. */
export function chapterEntry(id: string): ChapterEntry {
  const entry = CHAPTERS.find((c) => c.id === id);
  if (!entry) throw new Error(`No chapter "${id}" in CHAPTERS`);
  return entry;
}
