import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/**
 * The statistics of randomized smoothing's certificate (Cohen, Rosenfeld & Kolter 2019), with
 * the special functions from @stdlib rather than written by hand.
 */

function assertAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}.`);
}

/**
 * The one-sided Clopper-Pearson lower confidence bound on a success probability, at level
 * 1 - alpha, from `successes` out of `trials`: the alpha quantile of Beta(k, n - k + 1), and 0
 * when k = 0 (k = n gives alpha^(1/n)).
 */
export function clopperPearsonLower(successes: number, trials: number, alpha: number): number {
  assertAlpha(alpha);
  if (!Number.isInteger(trials) || trials < 1)
    throw new RangeError(`trials must be a positive integer, got ${trials}.`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`successes must be an integer in 0..${trials}, got ${successes}.`);
  if (successes === 0) return 0;
  return betaQuantile(alpha, successes, trials - successes + 1);
}

/** The standard normal's inverse CDF. */
export const inverseNormal = (p: number): number => normalQuantile(p, 0, 1);

/**
 * The certified L2 radius R = sigma * Phi^-1(pA) for a lower bound pA on the top class's
 * probability under noise, or null (abstain) when pA <= 0.5: no radius can be certified then.
 */
export function certifiedRadius(pA: number, sigma: number): number | null {
  if (!(sigma > 0)) throw new RangeError(`sigma must be > 0, got ${sigma}.`);
  return pA > 0.5 ? sigma * inverseNormal(pA) : null;
}

/**
 * The largest radius `n` samples can ever certify at level 1 - alpha: every sample votes for the
 * top class, and the Clopper-Pearson bound of n out of n is alpha^(1/n) in closed form (the
 * alpha quantile of Beta(n, 1)), so R = sigma * Phi^-1(alpha^(1/n)).
 */
export function largestCertifiableRadius(n: number, alpha: number, sigma: number): number | null {
  assertAlpha(alpha);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`n must be a positive integer, got ${n}.`);
  return certifiedRadius(alpha ** (1 / n), sigma);
}
