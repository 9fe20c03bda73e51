// Welch's unequal-variance t interval and two-sided p-value for a difference of means,
// with Welch–Satterthwaite degrees of freedom (Welch 1947, Biometrika 34:28–35).
import { studentTQuantile, studentTTwoSided } from './distributions.js';
import type { Moments } from './moments.js';
import type { Interval } from './proportions.js';

export interface WelchResult {
  /** mean of the first group − mean of the second. */
  readonly difference: number;
  readonly se: number | null;
  readonly df: number | null;
  readonly ci95: Interval | null;
  readonly p: number | null;
}

export function welch(first: Moments, second: Moments): WelchResult {
  const difference = first.mean - second.mean;
  if (first.n < 2 || second.n < 2) return { difference, se: null, df: null, ci95: null, p: null };
  const v1 = first.variance / first.n;
  const v2 = second.variance / second.n;
  const se2 = v1 + v2;
  if (!(se2 > 0)) return { difference, se: null, df: null, ci95: null, p: null };
  const se = Math.sqrt(se2);
  const df = (se2 * se2) / ((v1 * v1) / (first.n - 1) + (v2 * v2) / (second.n - 1));
  const t = studentTQuantile(0.975, df);
  return {
    difference,
    se,
    df,
    ci95: [difference - t * se, difference + t * se],
    p: studentTTwoSided(difference / se, df),
  };
}
