import { DigitImage } from "../../components/canvas/DigitImage";
import { formatEpsilon } from "../../components/format";
import type { PathPoint } from "../../engine/vae/measure";

type Side = PathPoint["attack"];

/** One row: the input, the change (on a colour scale at ±ε), the changed input, its reconstruction. */
function Row({
  title,
  clean,
  side,
  eps,
  target,
}: {
  title: string;
  clean: Float32Array;
  side: Side;
  eps: number;
  target: number;
}) {
  const change = Float32Array.from(side.input, (v, i) => v - clean[i]);
  const verdict = side.cnnLabel === target ? "the target" : "not the target";
  return (
    <figure className="latent-row">
      <figcaption>{title}</figcaption>
      <div className="latent-images">
        <DigitImage values={clean} label={`${title}: original digit`} />
        <DigitImage
          values={change}
          signed
          scale={Math.max(eps, 1 / 255)}
          label={`${title}: the change, amplified`}
        />
        <DigitImage values={side.input} label={`${title}: changed input`} />
        <DigitImage values={side.recon} label={`${title}: the VAE's reconstruction`} />
      </div>
      <p className="latent-verdict">
        Chapter 2's CNN reads the reconstruction as <b>{side.cnnLabel}</b> ({verdict}).
      </p>
    </figure>
  );
}

/** The attacked digit at the eps on show, beside random sign noise of the same size. */
export function LatentAttackView({
  point,
  clean,
  target,
  level,
}: {
  point: PathPoint;
  clean: Float32Array;
  target: number;
  level: number;
}) {
  return (
    <div className="latent-attack-view">
      <p className="panel-note">
        Columns: original · change (blue darker, red brighter, full colour at ±
        {formatEpsilon(level)}) · input fed to the VAE · its reconstruction.
      </p>
      <Row
        title="Latent attack"
        clean={clean}
        side={point.attack}
        eps={point.eps}
        target={target}
      />
      <Row
        title="Random sign noise, same size"
        clean={clean}
        side={point.noise}
        eps={point.eps}
        target={target}
      />
    </div>
  );
}
