import { useMemo } from "react";
import { DigitImage } from "../../components/canvas/DigitImage";
import { Scroller } from "../../components/Scroller";
import { useStoreWhileVisible } from "../../components/VisibleSection";
import { selectTrainingDeltas, trainingStore } from "../../store/training";

const PIXELS = 28 * 28;

/** clip(x + delta, 0, 1) pixel by pixel: the digits the last replay trained on. */
function perturbed(images: Float32Array, delta: Float32Array): Float32Array {
  return images.map((v, i) => Math.min(1, Math.max(0, v + delta[i])));
}

/**
 * Free training's perturbation on a few digits of one minibatch, after each of its m replays:
 * the same delta is refined by every replay and carried into the next minibatch.
 */
export function FreeDeltaView() {
  const snapshot = useStoreWhileVisible(trainingStore, selectTrainingDeltas);
  const trained = useMemo(
    () =>
      snapshot ? perturbed(snapshot.images, snapshot.deltas[snapshot.deltas.length - 1]) : null,
    [snapshot],
  );
  if (!snapshot || !trained) {
    return (
      <p className="hint">
        Train with Free training selected: its perturbation appears here, replay by replay.
      </p>
    );
  }
  const n = snapshot.images.length / PIXELS;
  const level = Math.round(snapshot.eps * 255);
  const digits = Array.from({ length: n }, (_, i) => i);
  return (
    <figure className="free-deltas" data-minibatch={snapshot.minibatch}>
      <Scroller label="replay-by-replay digits">
        <table className="delta-grid">
          <thead>
            <tr>
              <th scope="col">digit</th>
              {snapshot.deltas.map((_, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: replays are numbered
                <th scope="col" key={r}>
                  δ after replay {r + 1}
                </th>
              ))}
              <th scope="col">x + δ, trained on</th>
            </tr>
          </thead>
          <tbody>
            {digits.map((i) => (
              <tr key={i}>
                <td>
                  <DigitImage
                    values={snapshot.images.subarray(i * PIXELS, (i + 1) * PIXELS)}
                    label={`digit ${i + 1} of minibatch ${snapshot.minibatch}`}
                  />
                </td>
                {snapshot.deltas.map((d, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: replays are numbered
                  <td key={r}>
                    <DigitImage
                      values={d.subarray(i * PIXELS, (i + 1) * PIXELS)}
                      signed
                      scale={snapshot.eps}
                      label={`perturbation of digit ${i + 1} after replay ${r + 1}`}
                    />
                  </td>
                ))}
                <td>
                  <DigitImage
                    values={trained.subarray(i * PIXELS, (i + 1) * PIXELS)}
                    label={`digit ${i + 1} as the last replay saw it`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <figcaption className="caption">
        Minibatch {snapshot.minibatch}: δ in red (+) and blue (−), full colour at ±{level}/255.
        Replay 1 starts from the δ left by the previous minibatch; each replay adds one signed
        gradient step of size ε and clips to the ε-box, so most pixels sit at ±ε after a replay or
        two. The last column is what the model saw: the digit plus δ, clipped to [0, 1].
      </figcaption>
    </figure>
  );
}
