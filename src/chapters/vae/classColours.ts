/**
 * Ten classes in colours told apart by colour-blind readers (Paul Tol's "muted" scheme plus his
 * pale grey); the map also writes each class's digit at its centroid, so colour is never the
 * only cue.
 */
export const CLASS_COLOURS = [
  "#332288",
  "#88CCEE",
  "#44AA99",
  "#117733",
  "#999933",
  "#DDCC77",
  "#CC6677",
  "#882255",
  "#AA4499",
  "#BBBBBB",
] as const;
