// Log-rank test of two survival curves (Mantel 1966; Peto & Peto 1972), on weekly counts:
// hypergeometric variance with the tie correction (n − d)/(n − 1), chi-square with 1 df.
import { chiSquare1Sf } from './distributions.js';
import { atRisk, type SurvivalCounts } from './kaplan-meier.js';

export interface LogRankResult {
  readonly chiSquare: number;
  readonly p: number;
}

export function logRank(first: SurvivalCounts, second: SurvivalCounts): LogRankResult | null {
  const r1 = atRisk(first);
  const r0 = atRisk(second);
  const weeks = Math.max(r1.length, r0.length);
  let observedMinusExpected = 0;
  let variance = 0;
  for (let t = 1; t < weeks; t++) {
    const d1 = first.events[t] ?? 0;
    const d = d1 + (second.events[t] ?? 0);
    if (d === 0) continue;
    const n1 = r1[t] ?? 0;
    const n = n1 + (r0[t] ?? 0);
    observedMinusExpected += d1 - (d * n1) / n;
    if (n > 1) variance += (d * (n1 / n) * (1 - n1 / n) * (n - d)) / (n - 1);
  }
  if (!(variance > 0)) return null;
  const chiSquare = (observedMinusExpected * observedMinusExpected) / variance;
  return { chiSquare, p: chiSquare1Sf(chiSquare) };
}
