/**
 * The page's one colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008), and
 * line styles that tell series apart without colour (dash patterns, marker shapes), so curves
 * stay distinct on a washed-out projector and for readers who do not see every hue.
 */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
} as const;

/** Series colours in the order charts assign them (yellow last: it is faint on white). */
export const SERIES_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.purple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
] as const;

/** SVG stroke-dasharray patterns, solid first; pair the i-th series with the i-th pattern. */
export const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"] as const;

/** Marker shapes for points, so a series can be named by shape as well as colour. */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangleDown" | "cross";
export const MARKERS: readonly MarkerShape[] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "triangleDown",
  "cross",
];

/** Chart text in CSS pixels: large enough to read on a projector from the back of a room. */
export const CHART_FONT = { tick: 13, label: 13, note: 12 } as const;

/** recharts axis text at those sizes: the ticks, and an x axis title under them. */
export const AXIS_TICK = { fontSize: CHART_FONT.tick } as const;
export const xAxisTitle = (value: string) => ({
  value,
  position: "insideBottom" as const,
  offset: -14,
  fontSize: CHART_FONT.label,
});
