import "./SeriesKey.css";
import type { ReactNode } from "react";
import type { MarkerShape } from "./palette";

/** The SVG path of a marker centred on (x, y), about 2r across. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const t = r * 1.15; // triangles and diamonds look smaller than a circle of the same r
  switch (shape) {
    case "circle":
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square":
      return `M${x - r * 0.9},${y - r * 0.9}h${r * 1.8}v${r * 1.8}h${-r * 1.8}Z`;
    case "triangle":
      return `M${x},${y - t}L${x + t},${y + t * 0.8}L${x - t},${y + t * 0.8}Z`;
    case "triangleDown":
      return `M${x},${y + t}L${x + t},${y - t * 0.8}L${x - t},${y - t * 0.8}Z`;
    case "diamond":
      return `M${x},${y - t}L${x + t},${y}L${x},${y + t}L${x - t},${y}Z`;
    case "cross":
      return `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`;
  }
}

/** One point's marker: filled, or hollow (white inside); a cross is always a stroke. */
export function Marker({
  shape,
  x,
  y,
  color,
  r = 3.5,
  hollow = false,
  className,
  children,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
  r?: number;
  hollow?: boolean;
  className?: string;
  /** A <title> for a hover tooltip. */
  children?: ReactNode;
}) {
  const stroked = shape === "cross";
  return (
    <path
      className={className}
      d={markerPath(shape, x, y, r)}
      fill={stroked ? "none" : hollow ? "white" : color}
      stroke={color}
      strokeWidth={stroked ? 2 : 1.5}
    >
      {children}
    </path>
  );
}

/** How one entry of a key is drawn: a short line (its colour and dash), a marker, or both. */
export interface KeyItem {
  id: string;
  label: ReactNode;
  /** Default: the text colour (a key for line styles shared by every colour). */
  color?: string;
  dash?: string;
  marker?: MarkerShape;
  hollow?: boolean;
  /** No line sample, only the marker (or a colour swatch when there is no marker). */
  noLine?: boolean;
  /** A vertical rule (an event on the x axis) instead of a line. */
  rule?: boolean;
}

/** The sample drawn before an entry's label (also usable alone, beside a run's name). */
export function KeySample({ item }: { item: Omit<KeyItem, "id" | "label"> }) {
  const color = item.color ?? "currentColor";
  if (item.noLine && !item.marker)
    return <span className="key-swatch" style={{ background: color }} aria-hidden="true" />;
  const width = item.noLine ? 12 : 30;
  return (
    <svg
      width={width}
      height="12"
      viewBox={`0 0 ${width} 12`}
      aria-hidden="true"
      className="key-sample"
    >
      {item.rule && (
        <line
          x1="15"
          x2="15"
          y1="0"
          y2="12"
          stroke={color}
          strokeWidth="1.5"
          strokeDasharray={item.dash}
        />
      )}
      {!item.noLine && !item.rule && (
        <line
          x1="1"
          x2="29"
          y1="6"
          y2="6"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={item.dash}
        />
      )}
      {item.marker && (
        <Marker shape={item.marker} x={width / 2} y={6} r={4} color={color} hollow={item.hollow} />
      )}
    </svg>
  );
}

/**
 * A chart's key, in HTML beside the plot (never over the curves): it wraps on a narrow screen
 * and its text stays page-sized. Entries can name colours (runs, models) and line styles
 * (metrics) separately, so six lines need five entries, not six long ones.
 */
export function SeriesKey({ items, label }: { items: readonly KeyItem[]; label: string }) {
  return (
    <ul className="series-key" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <KeySample item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A recharts `dot` renderer drawing `shape` at each point of a line (nothing where the line has
 * no value), so lines differ by shape as well as colour.
 */
export function markerDot(
  id: string,
  shape: MarkerShape,
  color: string,
  { hollow = false, opacity = 1 }: { hollow?: boolean; opacity?: number } = {},
) {
  return (props: { cx?: number | null; cy?: number | null; index?: number }) => (
    <g key={`${id}${props.index}`} opacity={opacity}>
      {Number.isFinite(props.cx) && Number.isFinite(props.cy) && (
        <Marker
          shape={shape}
          x={props.cx as number}
          y={props.cy as number}
          color={color}
          hollow={hollow}
        />
      )}
    </g>
  );
}
