import { useMemo } from "react";
import { TopKChart } from "../../components/charts/TopKChart";
import { useLab } from "../../store";
import { selectAdversarial, selectOriginal, selectTargetClass } from "../../store/selectors";

/** Top-5 before and after, the clean answer in green and the target in red. */
export function PredictionPanels() {
  const original = useLab(selectOriginal);
  const adv = useLab(selectAdversarial);
  const targetClass = useLab(selectTargetClass);
  const cleanTop1 = original?.top1 ?? null;
  const highlight = useMemo(
    () => [
      { classIndex: cleanTop1, colour: "var(--clean)" },
      { classIndex: targetClass, colour: "var(--adv)" },
    ],
    [cleanTop1, targetClass],
  );
  return (
    <div className="predictions">
      <TopKChart
        label="original prediction"
        scores={original?.top5 ?? null}
        highlight={highlight}
      />
      <TopKChart
        label="adversarial prediction"
        scores={adv?.top5 ?? null}
        highlight={highlight}
        inputKey={adv ? `eps${adv.epsLevel}` : undefined}
      />
    </div>
  );
}
