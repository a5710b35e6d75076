import { formatPercent } from "../../components/format";
import { displayName } from "../../engine/models/classNames";
import { argMax } from "../../engine/topK";

/** What the verdict needs about the attack (a subset of the store's AttackSnapshot). */
export interface VerdictAttack {
  epsLevel: number;
  targetClass: number | null;
  /** Id and short name of the model the attack was crafted on. */
  sourceId: string;
  sourceName: string;
  sourceCleanTop1: number;
  sourceAdvTop1: number;
}

export type TransferOutcome = "transfers" | "does-not-transfer" | "no-attack" | "same-model";

/** One line for the page: a headline ("Transfers") and the numbers behind it. */
export interface TransferVerdict {
  outcome: TransferOutcome;
  headline: string;
  detail: string;
  /** Context about the crafting model itself, when the attack has not even fooled it. */
  note: string | null;
}

const pct = formatPercent;

/** "fell by 12.3 points" / "rose by 0.4 points" / "stayed the same". */
function change(before: number, after: number): string {
  const points = (after - before) * 100;
  if (Math.abs(points) < 0.05) return "stayed about the same";
  return `${points < 0 ? "fell" : "rose"} by ${Math.abs(points).toFixed(1)} points`;
}

/**
 * Does the attack crafted on one model transfer to another (`targetModel`)? Untargeted: the
 * target model's top-1 on the adversarial image differs from its top-1 on the clean image.
 * Targeted: its top-1 on the adversarial image is the target class. Pure; plain arrays only.
 */
export function transferVerdict(
  attack: VerdictAttack,
  targetModel: { id: string; name: string },
  cleanProbs: ArrayLike<number>,
  advProbs: ArrayLike<number>,
): TransferVerdict {
  const d0 = argMax(cleanProbs);
  const d1 = argMax(advProbs);
  const was = displayName(d0);
  const now = displayName(d1);
  const trust = `${targetModel.name}'s confidence in ${was} went from ${pct(cleanProbs[d0])} to ${pct(advProbs[d0])} (${change(cleanProbs[d0], advProbs[d0])}).`;
  const outcome = (ok: boolean): TransferOutcome => (ok ? "transfers" : "does-not-transfer");

  if (attack.sourceId === targetModel.id) {
    return {
      outcome: "same-model",
      headline: "Not a transfer test",
      detail: `Chapter 1 is crafting its attack on ${targetModel.name} itself. Choose a MobileNet there to test transfer.`,
      note: null,
    };
  }
  if (attack.epsLevel === 0) {
    return {
      outcome: "no-attack",
      headline: "Nothing to transfer",
      detail: "At ε = 0 the adversarial image is the clean image. Raise ε in chapter 1.",
      note: null,
    };
  }
  const t = attack.targetClass;
  if (t === null) {
    const notFooled =
      attack.sourceAdvTop1 === attack.sourceCleanTop1
        ? `At this ε the attack has not changed ${attack.sourceName}'s own answer either.`
        : null;
    return {
      outcome: outcome(d1 !== d0),
      headline: d1 !== d0 ? "Transfers" : "Does not transfer",
      detail:
        d1 !== d0
          ? `${targetModel.name}'s answer changed from ${was} to ${now}. ${trust}`
          : `${targetModel.name} still answers ${was}. ${trust}`,
      note: notFooled,
    };
  }
  const target = displayName(t);
  const towards = `its probability of ${target} went from ${pct(cleanProbs[t])} to ${pct(advProbs[t])}.`;
  const notFooled =
    attack.sourceAdvTop1 !== t
      ? `At this ε the attack has not made ${attack.sourceName} itself answer ${target} either.`
      : null;
  if (d0 === t) {
    return {
      outcome: "no-attack",
      headline: "Nothing to test",
      detail: `${targetModel.name} already answers ${target} on the clean image. Pick another target in chapter 1.`,
      note: null,
    };
  }
  if (d1 === t) {
    return {
      outcome: "transfers",
      headline: "The targeted attack transfers",
      detail: `${targetModel.name} now answers ${target}: ${towards}`,
      note: notFooled,
    };
  }
  return {
    outcome: "does-not-transfer",
    headline: "The targeted attack does not transfer",
    detail:
      d1 === d0
        ? `${targetModel.name} still answers ${was}, not ${target}: ${towards} ${trust}`
        : `${targetModel.name}'s answer changed from ${was} to ${now}, not to ${target}: ${towards} The image fools it, just not toward ${target}.`,
    note: notFooled,
  };
}
