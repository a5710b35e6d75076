import { useEffect, useRef } from "react";

/**
 * Draws RGBA pixels 1:1 into a canvas; CSS scales it up with crisp, unsmoothed
 * pixels, so what you see is exactly the image that was classified.
 */
export function PixelCanvas({
  rgba,
  size,
  label,
  className = "pixel-canvas",
}: {
  rgba: Uint8ClampedArray | null;
  size: number;
  label: string;
  /** "pixel-canvas" fills its box; "digit-canvas" is a small fixed-size tile. */
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // Drawn by the processor (willReadFrequently): a few small images per update, which a
    // GPU-backed canvas sends to the graphics process as textures. Measured with software GL
    // (headless, 2 cores): chapter 7's slider moves met 70-355 ms main-thread tasks with no
    // script in them in 8 of 20 rounds of five keys (vae.spec failed in CI); with this, none in 20.
    const ctx = ref.current?.getContext("2d", { willReadFrequently: true });
    if (!ctx) return;
    if (rgba) ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
    else ctx.clearRect(0, 0, size, size);
  }, [rgba, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className={className}
      role="img"
      aria-label={label}
    />
  );
}
