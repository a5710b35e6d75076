import { MAX_EPSILON_LEVELS } from "../../engine/attacks/params";
import { selectActions, useLab } from "../../store";
import { selectEpsLevel } from "../../store/selectors";
import { LevelSlider } from "./LevelSlider";

/** Chapter 1's epsilon slider, bound to the lab store. */
export function EpsilonSlider() {
  const epsLevel = useLab(selectEpsLevel);
  const actions = useLab(selectActions);
  return <LevelSlider level={epsLevel} max={MAX_EPSILON_LEVELS} onChange={actions.setEpsLevel} />;
}
