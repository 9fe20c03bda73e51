// Intervals for one proportion and for a difference of two independent proportions.
// References: Wilson (1927) JASA 22:209–212; Newcombe (1998) Stat Med 17:857–872 (single
// proportion) and 17:873–890 (difference, method 10: hybrid score without continuity correction).
import { Z975 } from './distributions.js';

export type Interval = readonly [number, number];

/** Wilson score interval for x successes out of n (no continuity correction). */
export function wilsonInterval(x: number, n: number, z: number = Z975): Interval {
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // Exact bounds at the edges, where rounding could leave a tiny negative or > 1 value.
  const lower = x === 0 ? 0 : (centre - half) / denominator;
  const upper = x === n ? 1 : (centre + half) / denominator;
  return [lower, upper];
}

/** Difference p1 − p2 of two proportions with its Wald interval (null when the SE is 0). */
export function waldDifference(x1: number, n1: number, x2: number, n2: number, z: number = Z975): Interval | null {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  if (!(se > 0)) return null;
  const d = p1 - p2;
  return [d - z * se, d + z * se];
}

/** Newcombe's hybrid score interval (method 10) for p1 − p2, built from the two Wilson intervals. */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z: number = Z975): Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, z);
  const [l2, u2] = wilsonInterval(x2, n2, z);
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return [lower, upper];
}
