import { type PointerEvent, useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * A black square to draw a digit on with a mouse, finger or pen (thick, round white strokes).
 * When a stroke ends, `onDrawing` receives the canvas as grey levels (0..255, row-major,
 * `size` x `size`); "Use this drawing" sends it again, "Clear" wipes it.
 */
export function DrawDigitCanvas({
  onDrawing,
  size = 280,
  lineWidth = 24,
  hint = "Draw with a mouse, a finger or a pen; the model reads it when you lift.",
}: {
  onDrawing: (grey: Uint8ClampedArray, size: number) => void;
  /** Canvas resolution in pixels (CSS sets the displayed size). */
  size?: number;
  lineWidth?: number;
  hint?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<{ id: number; x: number; y: number } | null>(null);
  const [hasInk, setHasInk] = useState(false);
  const hintId = useId();

  const context = useCallback(
    () => ref.current?.getContext("2d", { willReadFrequently: true }) ?? null,
    [],
  );

  const clear = useCallback(() => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = "black";
    ctx.fillRect(0, 0, size, size);
    setHasInk(false);
  }, [context, size]);

  useEffect(clear, [clear]);

  const send = () => {
    const ctx = context();
    if (!ctx) return;
    const rgba = ctx.getImageData(0, 0, size, size).data;
    const grey = new Uint8ClampedArray(size * size);
    for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4];
    onDrawing(grey, size);
  };

  /** The pointer's position in canvas pixels. */
  const at = (e: { clientX: number; clientY: number }) => {
    const rect = (ref.current as HTMLCanvasElement).getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) * size) / rect.width,
      y: ((e.clientY - rect.top) * size) / rect.height,
    };
  };

  const segment = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = context();
    if (!ctx) return;
    ctx.strokeStyle = "white";
    ctx.lineWidth = lineWidth;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    stroke.current = { id: e.pointerId, ...p };
    segment(p, p); // a dot, for a tap
    setHasInk(true);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || s.id !== e.pointerId) return;
    // Coalesced events keep fast strokes smooth on high-rate pointers.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const p = at(ev);
      segment(s, p);
      s.x = p.x;
      s.y = p.y;
    }
  };

  const onPointerEnd = (e: PointerEvent<HTMLCanvasElement>) => {
    if (stroke.current?.id !== e.pointerId) return;
    stroke.current = null;
    send();
  };

  return (
    <div className="draw-digit">
      <canvas
        ref={ref}
        width={size}
        height={size}
        className="draw-canvas"
        style={{ touchAction: "none" }}
        role="img"
        aria-label="Draw a digit"
        aria-describedby={hintId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      />
      <p id={hintId} className="hint">
        {hint}
      </p>
      <div className="draw-buttons">
        <button type="button" className="secondary" onClick={clear} disabled={!hasInk}>
          Clear
        </button>
        <button type="button" className="secondary" onClick={send} disabled={!hasInk}>
          Use this drawing
        </button>
      </div>
    </div>
  );
}
