// Normal, Student t and chi-square(1) distributions: CDFs from the special functions,
// quantiles by safeguarded Newton iteration on the CDF (bisection whenever a Newton step
// would leave the bracket), so the quantile is as accurate as the CDF itself.
import { erfc, incompleteBeta, lnGamma } from './special.js';

const SQRT2 = Math.SQRT2;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT2);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

/** Two-sided tail probability P(|T| ≥ |t|) of Student's t with `df` degrees of freedom. */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const t2 = t * t;
  if (!Number.isFinite(t2)) return 0;
  // P(|T| ≥ t) = I_x(df/2, 1/2) with x = df/(df + t²); 1 − x is passed exactly.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return incompleteBeta(x, df / 2, 0.5, y);
}

/** Student t CDF. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * studentTTwoSided(t, df);
  return t > 0 ? 1 - tail : tail;
}

/** Student t density. */
export function studentTPdf(t: number, df: number): number {
  const lnC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Inverts an increasing CDF on [lo, hi] (cdf(lo) < p < cdf(hi)): Newton steps from `start`,
 * falling back to bisection when a step leaves the current bracket.
 */
function invert(
  cdf: (x: number) => number,
  pdf: (x: number) => number,
  p: number,
  lo: number,
  hi: number,
  start: number,
): number {
  let a = lo;
  let b = hi;
  let x = start;
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f < 0) a = x;
    else b = x;
    const density = pdf(x);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  if (p === 0.5) return 0;
  return invert(normalCdf, normalPdf, p, -40, 40, 0);
}

/** Student t quantile for probability p and df > 0 degrees of freedom (df need not be an integer). */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0 && p < 1)) {
    if (df > 0 && p === 0) return Number.NEGATIVE_INFINITY;
    if (df > 0 && p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const cdf = (t: number): number => studentTCdf(t, df);
  let hi = Math.max(2, normalQuantile(p) * 2);
  while (cdf(hi) < p) hi *= 2;
  return invert(cdf, (t) => studentTPdf(t, df), p, 0, hi, normalQuantile(p));
}

/** Upper tail P(X ≥ x) of the chi-square distribution with one degree of freedom. */
export function chiSquare1Sf(x: number): number {
  if (!(x > 0)) return x === 0 ? 1 : Number.NaN;
  return erfc(Math.sqrt(x / 2));
}

/** Φ⁻¹(0.975), the 95 % two-sided normal critical value. */
export const Z975 = normalQuantile(0.975);
