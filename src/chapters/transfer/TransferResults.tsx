import { useMemo } from "react";
import { PixelCanvas } from "../../components/canvas/PixelCanvas";
import { TopKChart } from "../../components/charts/TopKChart";
import { formatEpsilon, formatScore } from "../../components/format";
import { PhotoCredit } from "../../components/PhotoCredit";
import { displayName } from "../../engine/models/classNames";
import { type AttackSnapshot, DARKNET } from "../../store/imagenetTransfer";
import {
  selectDarknetAdversarial,
  selectDarknetClean,
  selectTransferAttack,
  selectTransferError,
  selectTransferModel,
  useImagenetTransfer,
} from "../../store/transferCard";
import { transferVerdict } from "./transferVerdict";

/** "MobileNet v1 0.25 — fast" -> "MobileNet v1 0.25"; "Darknet tiny (ml5)" -> "Darknet tiny". */
export const shortName = (label: string) => label.replace(/\s+(—.*|\(.*\))$/, "");

const DARKNET_NAME = shortName(DARKNET.label);

/** "PGD, 10 steps, targeted → gibbon, ε = 8/255 ≈ 0.0314" */
export function describeAttack(a: AttackSnapshot): string {
  const kind = a.kind === "pgd" ? `PGD, ${a.steps} steps` : "FGSM";
  const goal = a.targetClass === null ? "untargeted" : `targeted → ${displayName(a.targetClass)}`;
  return `${kind}, ${goal}, ε = ${formatEpsilon(a.epsLevel)}`;
}

/** The photo pair, the crafting model's own before/after, Darknet's top-3 and the verdict. */
export function TransferResults() {
  const attack = useImagenetTransfer(selectTransferAttack);
  const model = useImagenetTransfer(selectTransferModel);
  const clean = useImagenetTransfer(selectDarknetClean);
  const adv = useImagenetTransfer(selectDarknetAdversarial);
  const error = useImagenetTransfer(selectTransferError);
  const ready = model.status === "ready";
  const cleanTop1 = clean?.top3[0]?.classIndex ?? null;
  const target = attack?.targetClass ?? null;
  const highlight = useMemo(
    () => [
      { classIndex: cleanTop1, colour: "var(--clean)" },
      { classIndex: target, colour: "var(--adv)" },
    ],
    [cleanTop1, target],
  );
  if (!attack) {
    return (
      <p className="muted" role="status">
        Waiting for chapter 1 to classify a photo and attack it…
      </p>
    );
  }
  const source = shortName(attack.sourceLabel);
  const current = adv !== null && adv.attack === attack && clean?.rgba === attack.cleanRgba;
  const verdict =
    current && clean
      ? transferVerdict(
          {
            epsLevel: attack.epsLevel,
            targetClass: attack.targetClass,
            sourceId: attack.sourceId,
            sourceName: source,
            sourceCleanTop1: attack.sourceClean.classIndex,
            sourceAdvTop1: attack.sourceAdv.classIndex,
          },
          { id: DARKNET.id, name: DARKNET_NAME },
          clean.probs,
          adv.probs,
        )
      : null;
  return (
    <>
      <div className="inet-pair">
        <figure>
          <PixelCanvas rgba={attack.cleanRgba} size={attack.size} label="clean image" />
          <figcaption>
            <b>Clean</b> <PhotoCredit />
          </figcaption>
        </figure>
        <figure>
          <PixelCanvas
            rgba={attack.advRgba}
            size={attack.size}
            label={`adversarial image crafted on ${source}`}
          />
          <figcaption>
            <b>Adversarial</b>, crafted on {source}: {describeAttack(attack)}
          </figcaption>
        </figure>
      </div>
      <p className="inet-source">
        <b>{source}</b> (the model the attack was computed on):{" "}
        <span data-testid="source-before">{formatScore(attack.sourceClean)}</span> →{" "}
        <span data-testid="source-after">{formatScore(attack.sourceAdv)}</span>
      </p>
      {ready && (
        <div className="predictions inet-darknet" aria-busy={!current}>
          <TopKChart
            label={`${DARKNET_NAME} on the clean image`}
            scores={clean?.top3 ?? null}
            highlight={highlight}
          />
          <div className={current ? undefined : "inet-stale"}>
            <TopKChart
              label={`${DARKNET_NAME} on the adversarial image`}
              scores={adv?.top3 ?? null}
              highlight={highlight}
              inputKey={adv?.attack.key}
            />
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="error-inline">
          {error}
        </p>
      )}
      {ready && (
        <p
          className={`inet-verdict ${verdict?.outcome ?? "pending"}`}
          role="status"
          data-outcome={verdict?.outcome ?? "pending"}
          data-input={verdict ? attack.key : undefined}
        >
          {verdict ? (
            <>
              <b>{verdict.headline}.</b> {verdict.detail}
              {verdict.note && <span className="muted"> {verdict.note}</span>}
            </>
          ) : (
            `${DARKNET_NAME} is classifying the images…`
          )}
        </p>
      )}
    </>
  );
}
