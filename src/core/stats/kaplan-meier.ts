// Kaplan–Meier estimation on integer time (weeks). A citizen with time t is at risk at every
// week ≤ t; events at t come before censoring at t (the usual convention, as in R's survival).
// After an arm's last observed week nobody is at risk and the curve stays flat.

/** Events and censorings per week of one group; index t is week t (index 0 unused). */
export interface SurvivalCounts {
  readonly events: Float64Array;
  readonly censored: Float64Array;
}

export function emptySurvivalCounts(maxWeek: number): SurvivalCounts {
  return { events: new Float64Array(maxWeek + 1), censored: new Float64Array(maxWeek + 1) };
}

/** Builds the counts from per-subject times and event indicators. */
export function survivalCounts(times: readonly number[], events: readonly boolean[], maxWeek: number): SurvivalCounts {
  const counts = emptySurvivalCounts(maxWeek);
  times.forEach((t, i) => {
    if (events[i] === true) counts.events[t]! += 1;
    else counts.censored[t]! += 1;
  });
  return counts;
}

/** Number at risk at each week 0..maxWeek (at risk at t: time ≥ t). */
export function atRisk(counts: SurvivalCounts): Float64Array {
  const w = counts.events.length - 1;
  const risk = new Float64Array(w + 2);
  for (let t = w; t >= 0; t--) risk[t] = risk[t + 1]! + counts.events[t]! + counts.censored[t]!;
  return risk.subarray(0, w + 1);
}

/** KM survival S(t) for t = 0..maxWeek; S(0) = 1 and S is right-continuous (drops at t). */
export function kaplanMeier(counts: SurvivalCounts): Float64Array {
  const risk = atRisk(counts);
  const survival = new Float64Array(risk.length);
  let s = 1;
  survival[0] = 1;
  for (let t = 1; t < risk.length; t++) {
    const n = risk[t]!;
    if (n > 0) s *= 1 - counts.events[t]! / n;
    survival[t] = s;
  }
  return survival;
}

/** Median survival: the first week where S(t) ≤ 0.5 (+1e-9 against rounding); null when never reached. */
export function kmMedian(survival: Float64Array): number | null {
  for (let t = 1; t < survival.length; t++) if (survival[t]! <= 0.5 + 1e-9) return t;
  return null;
}

/** Restricted mean survival time: area under the KM step curve from 0 to `horizon` weeks. */
export function restrictedMean(survival: Float64Array, horizon: number): number {
  let area = 0;
  for (let t = 0; t < horizon; t++) area += survival[Math.min(t, survival.length - 1)]!;
  return area;
}
