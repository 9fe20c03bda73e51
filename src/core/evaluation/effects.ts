// One outcome's comparison of the treatment arm (group 1) with the control arm (group 0);
// citizens in any other arm carry group 2 and are left out. Figures that cannot be computed
// are null, never NaN or Infinity.
import { coxEfron } from '../stats/cox.js';
import { Z975 } from '../stats/distributions.js';
import { kaplanMeier, kmMedian, restrictedMean, emptySurvivalCounts } from '../stats/kaplan-meier.js';
import { logRank } from '../stats/logrank.js';
import { moments } from '../stats/moments.js';
import { adjustedEffectHc2 } from '../stats/ols-hc2.js';
import { newcombeDifference, waldDifference, type Interval } from '../stats/proportions.js';
import { welch } from '../stats/welch.js';

export type Figure = number | null;
export type Pair = readonly [number, number];

export interface ProportionEffect {
  readonly treatment: Figure;
  readonly control: Figure;
  readonly difference: Figure;
  readonly ci95_newcombe: Pair | null;
  readonly ci95_wald: Pair | null;
}

export interface MeanEffect {
  readonly treatment: Figure;
  readonly control: Figure;
  readonly difference: Figure;
  readonly ci95_welch: Pair | null;
  readonly p_welch: Figure;
  readonly adjusted_difference: Figure;
  readonly ci95_adjusted: Pair | null;
  readonly p_adjusted: Figure;
}

export interface ArmPair<T> {
  readonly treatment: T;
  readonly control: T;
}

export interface TimeToFirstJob {
  readonly median_weeks: ArmPair<Figure>;
  readonly cumulative_incidence: Readonly<Record<string, ArmPair<Figure>>>;
  readonly rmst_weeks: { readonly horizon: number } & ArmPair<Figure>;
  readonly hazard_ratio: Figure;
  readonly ci95: Pair | null;
  readonly p_logrank: Figure;
}

export function figure(x: number | null | undefined): Figure {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

export function pair(interval: Interval | null): Pair | null {
  if (interval === null || !Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) return null;
  return [interval[0], interval[1]];
}

export function proportionEffect(flag: Uint8Array, group: Uint8Array): ProportionEffect {
  let x1 = 0;
  let n1 = 0;
  let x0 = 0;
  let n0 = 0;
  for (let i = 0; i < flag.length; i++) {
    if (group[i] === 1) {
      n1++;
      x1 += flag[i]!;
    } else if (group[i] === 0) {
      n0++;
      x0 += flag[i]!;
    }
  }
  if (n1 === 0 || n0 === 0) {
    return {
      treatment: figure(x1 / n1),
      control: figure(x0 / n0),
      difference: null,
      ci95_newcombe: null,
      ci95_wald: null,
    };
  }
  return {
    treatment: x1 / n1,
    control: x0 / n0,
    difference: x1 / n1 - x0 / n0,
    ci95_newcombe: pair(newcombeDifference(x1, n1, x0, n0)),
    ci95_wald: pair(waldDifference(x1, n1, x0, n0)),
  };
}

export function meanEffect(
  values: Float64Array,
  group: Uint8Array,
  stratum: Int32Array,
  strataCount: number,
): MeanEffect {
  const t = moments(values, (i) => group[i] === 1);
  const c = moments(values, (i) => group[i] === 0);
  const w = welch(t, c);
  const adjusted = adjustedEffectHc2(values, group, stratum, strataCount);
  return {
    treatment: figure(t.mean),
    control: figure(c.mean),
    difference: figure(w.difference),
    ci95_welch: pair(w.ci95),
    p_welch: figure(w.p),
    adjusted_difference: figure(adjusted.estimate),
    ci95_adjusted: pair(adjusted.ci95),
    p_adjusted: figure(adjusted.p),
  };
}

export function timeToFirstJob(
  time: Int32Array,
  observed: Uint8Array,
  group: Uint8Array,
  weeks: number,
): TimeToFirstJob {
  const treated = emptySurvivalCounts(weeks);
  const control = emptySurvivalCounts(weeks);
  for (let i = 0; i < time.length; i++) {
    const g = group[i];
    if (g !== 0 && g !== 1) continue;
    const counts = g === 1 ? treated : control;
    if (observed[i] === 1) counts.events[time[i]!]! += 1;
    else counts.censored[time[i]!]! += 1;
  }
  const st = kaplanMeier(treated);
  const sc = kaplanMeier(control);
  const incidence: Record<string, ArmPair<Figure>> = {};
  for (const week of [26, 52, weeks]) {
    if (week >= 1 && week <= weeks)
      incidence[String(week)] = { treatment: figure(1 - st[week]!), control: figure(1 - sc[week]!) };
  }
  const eventsInBoth = treated.events.some((d) => d > 0) && control.events.some((d) => d > 0);
  const cox = eventsInBoth ? coxEfron(treated, control) : null;
  const test = eventsInBoth ? logRank(treated, control) : null;
  return {
    median_weeks: { treatment: kmMedian(st), control: kmMedian(sc) },
    cumulative_incidence: incidence,
    rmst_weeks: {
      horizon: weeks,
      treatment: figure(restrictedMean(st, weeks)),
      control: figure(restrictedMean(sc, weeks)),
    },
    hazard_ratio: cox === null ? null : figure(Math.exp(cox.coefficient)),
    ci95:
      cox === null
        ? null
        : pair([Math.exp(cox.coefficient - Z975 * cox.se), Math.exp(cox.coefficient + Z975 * cox.se)]),
    p_logrank: test === null ? null : figure(test.p),
  };
}
