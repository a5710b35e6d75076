import { describe, expect, it } from "vitest";
import {
  certifiedRadius,
  clopperPearsonLower,
  inverseNormal,
  largestCertifiableRadius,
} from "./bounds";

describe("Clopper-Pearson lower bounds", () => {
  it("match values computed independently", () => {
    // nA = n: the bound solves p^n = alpha, so p = alpha^(1/n).
    for (const [n, alpha] of [
      [100, 0.001],
      [1000, 0.001],
      [10, 0.05],
    ])
      expect(clopperPearsonLower(n, n, alpha)).toBeCloseTo(alpha ** (1 / n), 10);
    expect(clopperPearsonLower(0, 100, 0.001)).toBe(0);
    // nA = 1 of n: 1 - (1 - p)^n = alpha, so p = 1 - (1 - alpha)^(1/n).
    expect(clopperPearsonLower(1, 50, 0.05)).toBeCloseTo(1 - 0.95 ** (1 / 50), 10);
    // Mid values, from the binomial tail P(X >= k | p) = alpha solved by bisection here.
    for (const [k, n, alpha] of [
      [60, 100, 0.05],
      [990, 1000, 0.001],
      [7, 20, 0.01],
    ]) {
      // Binomial terms in log space (log factorials summed), so no term underflows.
      const logFact = [0];
      for (let j = 1; j <= n; j++) logFact.push(logFact[j - 1] + Math.log(j));
      const tail = (p: number) => {
        let sum = 0;
        for (let j = k; j <= n; j++)
          sum += Math.exp(
            logFact[n] - logFact[j] - logFact[n - j] + j * Math.log(p) + (n - j) * Math.log1p(-p),
          );
        return sum;
      };
      let [lo, hi] = [0, 1];
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (tail(mid) < alpha) lo = mid;
        else hi = mid;
      }
      expect(clopperPearsonLower(k, n, alpha)).toBeCloseTo(lo, 6);
    }
  });

  it("reject impossible counts and levels", () => {
    expect(() => clopperPearsonLower(5, 4, 0.01)).toThrow(RangeError);
    expect(() => clopperPearsonLower(1, 0, 0.01)).toThrow(RangeError);
    expect(() => clopperPearsonLower(1, 10, 0)).toThrow(RangeError);
    expect(() => clopperPearsonLower(1.5, 10, 0.01)).toThrow(RangeError);
  });
});

describe("the certified radius", () => {
  it("uses the normal quantile: Phi^-1(0.98) = 2.0537", () => {
    expect(inverseNormal(0.98)).toBeCloseTo(2.0537, 4);
    expect(certifiedRadius(0.98, 0.5)).toBeCloseTo(0.5 * 2.0537, 4);
  });

  it("abstains when pA does not exceed one half", () => {
    expect(certifiedRadius(0.5, 0.25)).toBeNull();
    expect(certifiedRadius(0.3, 0.25)).toBeNull();
    expect(certifiedRadius(0.51, 0.25)).toBeGreaterThan(0);
  });

  it("grows with the number of samples, slowly: the most n samples can ever certify", () => {
    const r = [100, 1000, 10000, 100000].map((n) => largestCertifiableRadius(n, 0.001, 0.25) ?? 0);
    for (let i = 1; i < r.length; i++) expect(r[i]).toBeGreaterThan(r[i - 1]);
    // alpha^(1/100) = 0.9333 for alpha 0.001: R = 0.25 * Phi^-1(0.9333) = 0.375
    expect(r[0]).toBeCloseTo(0.25 * inverseNormal(0.001 ** (1 / 100)), 10);
    expect(r[0]).toBeCloseTo(0.375, 2);
  });
});
