import type { CertificateView, SmoothAttackView } from "../../workers/digits/armsRaceApi";

/**
 * How an attack on a certified digit ended: the same class certified again inside R, an
 * abstention inside R, a different class certified inside R (the bound failed), anything beyond
 * R, or a clean digit that had no certificate to test.
 */
export type BreakOutcome = "kept" | "abstained" | "failed" | "beyond" | "uncertified";

/** What the page says about an attacked digit's fresh certificate. */
export interface BreakVerdict {
  outcome: BreakOutcome;
  /** How the smoothed classifier's answer ended ("did not change", ...). */
  answer: string;
  /** What the guarantee says about that answer (may be empty). */
  comment: string;
}

const ABSTAINED_INSIDE =
  "That is not a failure of the bound. Inside R the certificate promises only that the smoothed " +
  "classifier's answer stays the same; the top class's probability under noise may still fall " +
  "towards 1/2 as ‖δ‖ nears R (the theorem keeps it above Φ((R − ‖δ‖)/σ), which is 1/2 at R). " +
  "A fresh estimate from finite samples then often cannot show that it is above 1/2, and " +
  "certification abstains: near R, at 0.9 R say, that is expected.";

/** Inside R: the guarantee's word on each way the fresh certificate can end. */
function insideComment(outcome: "kept" | "abstained" | "failed", alpha: number): string {
  if (outcome === "kept") return "As the certificate promised.";
  if (outcome === "abstained") return ABSTAINED_INSIDE;
  return (
    `Inside R this should happen with probability at most 2α = ${2 * alpha} (α for each ` +
    "certification: the clean digit's and this one): a rare failure of the bound."
  );
}

/** Beyond R: the guarantee is silent, whatever the fresh certificate says. */
const BEYOND: Record<"kept" | "abstained" | "failed", string> = {
  kept: "Beyond R the guarantee says nothing; here the answer held anyway.",
  abstained:
    "Beyond R the guarantee says nothing; here the attack made the answer too close to call.",
  failed: "Beyond R the guarantee says nothing, and here the attack won.",
};

/** The attacked digit's verdict, set against the clean digit's certificate. Pure. */
export function breakVerdict(a: SmoothAttackView, clean: CertificateView): BreakVerdict {
  const R = clean.radius;
  const now = a.certificate.prediction;
  const ended = now === clean.prediction ? "kept" : now === null ? "abstained" : "failed";
  const answer =
    ended === "kept"
      ? "did not change"
      : ended === "abstained"
        ? "is now too close to call (abstain)"
        : `changed to ${now}`;
  if (R === null) return { outcome: "uncertified", answer, comment: "" };
  if (a.distance >= R) return { outcome: "beyond", answer, comment: BEYOND[ended] };
  return { outcome: ended, answer, comment: insideComment(ended, clean.alpha) };
}
