// The report's outcome table as rows: the primary outcome first, then the secondary ones in
// the design's order, then the rest. Each row says which kind of figure it holds, so it can
// be written with the right unit (percent and percentage points, weeks, hazard ratio). Pure.
import { OUTCOMES, type Outcome } from '../../../core/vocabulary.js';
import type { Evaluation, Interval } from '../../api/experiments.js';

/** share: a proportion or a share of weeks; weeks: a count of weeks; hazard: time to first job. */
export type FigureKind = 'share' | 'weeks' | 'hazard';

/** The interval shown: Newcombe for proportions, stratum-adjusted (HC2) for means, Cox for time to job. */
export type IntervalMethod = 'newcombe' | 'adjusted' | 'cox';

export interface OutcomeRow {
  outcome: Outcome;
  kind: FigureKind;
  method: IntervalMethod;
  /** Shares and weeks: the arm's mean; hazard: the arm's median weeks to first job. */
  treatment: number | null;
  control: number | null;
  /** Shares and weeks: treatment − control; hazard: the hazard ratio. */
  difference: number | null;
  interval: Interval;
  p: number | null;
  role: 'primary' | 'secondary' | 'other';
}

// The evaluation's figures say which kind each outcome is: a proportion carries Newcombe's
// interval, a mean the stratum-adjusted one, the time to first job a hazard ratio.
function row(e: Evaluation, outcome: Outcome): Omit<OutcomeRow, 'role'> {
  const o = e.outcomes[outcome];
  if ('ci95_newcombe' in o) {
    return {
      outcome,
      kind: 'share',
      method: 'newcombe',
      treatment: o.treatment,
      control: o.control,
      difference: o.difference,
      interval: o.ci95_newcombe,
      p: null,
    };
  }
  if ('ci95_adjusted' in o) {
    return {
      outcome,
      kind: outcome === 'internship_weeks' ? 'weeks' : 'share',
      method: 'adjusted',
      treatment: o.treatment,
      control: o.control,
      difference: o.adjusted_difference,
      interval: o.ci95_adjusted,
      p: o.p_adjusted,
    };
  }
  return {
    outcome,
    kind: 'hazard',
    method: 'cox',
    treatment: o.median_weeks.treatment,
    control: o.median_weeks.control,
    difference: o.hazard_ratio,
    interval: o.ci95,
    p: o.p_logrank,
  };
}

export function outcomeRows(e: Evaluation, primary: Outcome | null, secondary: readonly Outcome[]): OutcomeRow[] {
  const order: Outcome[] = [];
  for (const outcome of [...(primary === null ? [] : [primary]), ...secondary, ...OUTCOMES]) {
    if (!order.includes(outcome)) order.push(outcome);
  }
  return order.map((outcome) => ({
    ...row(e, outcome),
    role: outcome === primary ? 'primary' : secondary.includes(outcome) ? 'secondary' : 'other',
  }));
}
