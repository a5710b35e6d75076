import { describe, expect, it } from "vitest";
import type { CertificateView, SmoothAttackView } from "../../workers/digits/armsRaceApi";
import { breakVerdict } from "./breakVerdict";

/** A certificate of class `prediction` (null: abstain) with radius R. */
function certificate(prediction: number | null, radius: number | null): CertificateView {
  return {
    sigma: 0.5,
    alpha: 0.001,
    label: 7,
    input: new Float32Array(784),
    prediction,
    top: prediction ?? 7,
    pA: 0.9,
    radius,
    votes: [],
  };
}

/** The attacked digit at L2 distance `distance`, certified afresh as `prediction`. */
function attacked(distance: number, prediction: number | null): SmoothAttackView {
  return {
    adversarial: new Float32Array(784),
    distance,
    baseClass: 3,
    certificate: certificate(prediction, prediction === null ? null : 0.1),
  };
}

const clean = certificate(7, 1);

describe("breakVerdict", () => {
  it("inside R, the same class certified again is what the certificate promised", () => {
    const v = breakVerdict(attacked(0.9, 7), clean);
    expect(v.outcome).toBe("kept");
    expect(v.answer).toBe("did not change");
    expect(v.comment).toContain("As the certificate promised");
  });

  it("inside R, an abstention is expected near R and is not a failure of the bound", () => {
    const v = breakVerdict(attacked(0.9, null), clean);
    expect(v.comment).not.toMatch(/rare failure/);
    expect(v.comment).toContain("not a failure");
    expect(v.comment).toContain("1/2");
    expect(v.answer).toContain("abstain");
    expect(v.outcome).toBe("abstained");
  });

  it("inside R, a different class certified is the only failure, with its probability", () => {
    const v = breakVerdict(attacked(0.9, 3), clean);
    expect(v.outcome).toBe("failed");
    expect(v.answer).toBe("changed to 3");
    expect(v.comment).toContain("failure");
    expect(v.comment).toContain("2α = 0.002");
  });

  it("beyond R the guarantee is silent, whatever happens", () => {
    expect(breakVerdict(attacked(1.2, 3), clean).comment).toContain("says nothing");
    expect(breakVerdict(attacked(1.2, 3), clean).outcome).toBe("beyond");
    expect(breakVerdict(attacked(1.2, null), clean).comment).not.toContain("failure");
  });

  it("without a clean certificate there is no bound to test", () => {
    const v = breakVerdict(attacked(0.5, 3), certificate(null, null));
    expect(v.outcome).toBe("uncertified");
    expect(v.comment).toBe("");
  });
});
