import { formatEpsilon, formatScore } from "../../components/format";
import { displayName } from "../../engine/models/classNames";
import { useLab } from "../../store";
import {
  selectAdversarial,
  selectAttackKind,
  selectModel,
  selectOriginal,
  selectSteps,
  selectTargetClass,
} from "../../store/selectors";

/** The paper's famous figure, with its setting, beside what this page measures right now. */
export function PrankNumbers() {
  const model = useLab(selectModel);
  const original = useLab(selectOriginal);
  const adv = useLab(selectAdversarial);
  const kind = useLab(selectAttackKind);
  const targetClass = useLab(selectTargetClass);
  const steps = useLab(selectSteps);
  const clean = original?.top5[0];
  const after = adv?.top5[0];
  return (
    <table className="compare">
      <caption>Paper vs. here</caption>
      <thead>
        <tr>
          <th />
          <th>Goodfellow et al. 2015, Fig. 1</th>
          <th>This page, live</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th>Model</th>
          <td>GoogLeNet</td>
          <td>{model.label}</td>
        </tr>
        <tr>
          <th>Attack</th>
          <td>FGSM, untargeted, ε = 0.007</td>
          <td>
            {kind === "pgd" ? `PGD, ${steps} steps` : "FGSM"},{" "}
            {targetClass === null ? "untargeted" : `target ${displayName(targetClass)}`}, ε ={" "}
            {adv ? formatEpsilon(adv.epsLevel) : "…"}
          </td>
        </tr>
        <tr>
          <th>Clean</th>
          <td>panda 57.7%</td>
          <td>{clean ? formatScore(clean) : "…"}</td>
        </tr>
        <tr>
          <th>Adversarial</th>
          <td>gibbon 99.3%</td>
          <td>{after ? formatScore(after) : "…"}</td>
        </tr>
      </tbody>
    </table>
  );
}
