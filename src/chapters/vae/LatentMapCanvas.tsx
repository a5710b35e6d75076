import { useEffect, useMemo, useRef } from "react";
import type { LatentMapView, LatentPathView } from "../../workers/digits/vaeApi";
import { CLASS_COLOURS } from "./classColours";

const SIZE = 420;
/** Backing pixels per CSS pixel, fixed when the page loads (a resize keeps the canvas). */
const PIXEL_RATIO = Math.min(2, typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);

interface Props {
  map: LatentMapView;
  extent: number;
  path: LatentPathView | null;
  /** Index into the path of the eps on show. */
  epsIndex: number;
  grid: Float32Array | null;
  gridN: number;
  onPick: (index: number) => void;
}

/** Plane coordinates to canvas pixels: [-extent, extent]^2 fills the square, y up. */
const toCanvas = (extent: number) => (u: number, v: number) =>
  [((u + extent) / (2 * extent)) * SIZE, ((extent - v) / (2 * extent)) * SIZE] as const;

/** The decoded grid as one grey image, made once per grid. */
function gridTile(images: Float32Array, n: number): HTMLCanvasElement {
  const side = n * 28;
  const data = new ImageData(side, side);
  for (let cell = 0; cell < n * n; cell++) {
    const [r, c] = [Math.floor(cell / n), cell % n];
    for (let p = 0; p < 784; p++) {
      const g = Math.round(255 * images[cell * 784 + p]);
      const i = ((r * 28 + Math.floor(p / 28)) * side + c * 28 + (p % 28)) * 4;
      data.data[i] = data.data[i + 1] = data.data[i + 2] = g;
      data.data[i + 3] = 255;
    }
  }
  const tile = document.createElement("canvas");
  tile.width = tile.height = side;
  tile.getContext("2d")?.putImageData(data, 0, 0);
  return tile;
}

function drawPath(
  ctx: CanvasRenderingContext2D,
  at: ReturnType<typeof toCanvas>,
  points: [number, number][],
  style: { colour: string; dash: number[] },
  current: number,
) {
  ctx.strokeStyle = style.colour;
  ctx.fillStyle = style.colour;
  ctx.lineWidth = 2.5;
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  points.forEach(([u, v], i) => {
    const [x, y] = at(u, v);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.setLineDash([]);
  points.forEach(([u, v], i) => {
    const [x, y] = at(u, v);
    ctx.beginPath();
    ctx.arc(x, y, i === current ? 6 : 3, 0, 2 * Math.PI);
    ctx.fill();
  });
}

function draw(canvas: HTMLCanvasElement, props: Props, tile: HTMLCanvasElement | null) {
  // Drawn by the processor: thousands of small shapes per redraw, which a GPU-backed canvas
  // queued for the graphics process (drawn in software here: 400-650 ms frames on each redraw).
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return;
  const scale = canvas.width / SIZE;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, SIZE, SIZE);
  if (tile) {
    ctx.globalAlpha = 0.55;
    ctx.drawImage(tile, 0, 0, SIZE, SIZE);
  }
  const at = toCanvas(props.extent);
  const { points, labels, centroidPoints } = props.map;
  ctx.globalAlpha = tile ? 0.5 : 0.7;
  for (let i = 0; i < labels.length; i++) {
    const [x, y] = at(points[2 * i], points[2 * i + 1]);
    ctx.fillStyle = CLASS_COLOURS[labels[i]];
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
  ctx.globalAlpha = 1;
  ctx.font = "bold 16px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (let k = 0; k < 10; k++) {
    const [x, y] = at(centroidPoints[2 * k], centroidPoints[2 * k + 1]);
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffffff";
    ctx.strokeText(String(k), x, y);
    ctx.fillStyle = "#000000";
    ctx.fillText(String(k), x, y);
  }
  const path = props.path;
  if (!path) return;
  drawPath(
    ctx,
    at,
    path.points.map((p) => p.noisePoint),
    { colour: "#666666", dash: [5, 4] },
    props.epsIndex,
  );
  drawPath(
    ctx,
    at,
    path.points.map((p) => p.attackPoint),
    { colour: "#D55E00", dash: [] },
    props.epsIndex,
  );
  const [tx, ty] = at(...path.targetPoint);
  ctx.strokeStyle = "#000000";
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(tx - 8, ty - 8);
  ctx.lineTo(tx + 8, ty + 8);
  ctx.moveTo(tx + 8, ty - 8);
  ctx.lineTo(tx - 8, ty + 8);
  ctx.stroke();
}

/** The index of the test digit nearest to a click, within 10 px, or -1. */
function nearest(map: LatentMapView, extent: number, x: number, y: number): number {
  const at = toCanvas(extent);
  let best = -1;
  let bestD = 100;
  for (let i = 0; i < map.labels.length; i++) {
    const [px, py] = at(map.points[2 * i], map.points[2 * i + 1]);
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/**
 * Every test digit at its code on the plane, coloured by class, on a canvas (no per-point DOM);
 * the attack's path (solid) and the noise's (dashed) as eps grows, the target as a cross.
 */
export function LatentMapCanvas(props: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const tile = useMemo(
    () => (props.grid ? gridTile(props.grid, props.gridN) : null),
    [props.grid, props.gridN],
  );
  useEffect(() => {
    if (ref.current) draw(ref.current, props, tile);
  });
  const { map, extent, onPick, path } = props;
  const summary =
    `Latent map: ${map.labels.length} test digits at their codes, coloured by class.` +
    (path
      ? ` The attacked digit's code (solid line) heads for the cross, the target of class ${path.targetClass}; random noise of the same size (dashed) stays near the start.`
      : "");
  return (
    <canvas
      ref={ref}
      width={SIZE * PIXEL_RATIO}
      height={SIZE * PIXEL_RATIO}
      className="latent-map"
      role="img"
      aria-label="latent map"
      title={summary}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const scale = SIZE / box.width;
        const i = nearest(
          map,
          extent,
          (e.clientX - box.left) * scale,
          (e.clientY - box.top) * scale,
        );
        if (i >= 0) onPick(i);
      }}
    >
      {summary}
    </canvas>
  );
}
