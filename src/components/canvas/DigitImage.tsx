import { useMemo } from "react";
import { divergingRgba, greyRgba } from "./colormaps";
import { PixelCanvas } from "./PixelCanvas";

/**
 * A 28x28 (or any square) array drawn pixel-crisp: grey for images in [0,1], a blue-white-red
 * diverging map for signed arrays (gradients, weights, perturbations) scaled to `scale`
 * (default: the largest |value|).
 */
export function DigitImage({
  values,
  label,
  signed = false,
  scale,
  className = "digit-canvas",
}: {
  values: ArrayLike<number> | null;
  label: string;
  signed?: boolean;
  scale?: number;
  className?: string;
}) {
  const size = values ? Math.round(Math.sqrt(values.length)) : 28;
  const rgba = useMemo(
    () => (values ? (signed ? divergingRgba(values, scale) : greyRgba(values)) : null),
    [values, signed, scale],
  );
  return <PixelCanvas rgba={rgba} size={size} label={label} className={className} />;
}
