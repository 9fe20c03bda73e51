// Standardised mean difference for baseline balance: (mean_t − mean_c) / sqrt((sd_t² + sd_c²) / 2)
// with sample SDs (Austin 2009, Stat Med 28:3083–3107).
import type { Moments } from './moments.js';

export function standardisedMeanDifference(treatment: Moments, control: Moments): number | null {
  if (treatment.n < 2 || control.n < 2) return null;
  const pooled = Math.sqrt((treatment.variance + control.variance) / 2);
  if (!(pooled > 0)) return null;
  return (treatment.mean - control.mean) / pooled;
}
