import { describe, it, expect } from 'vitest';
import type { Evaluation } from '../../api/experiments.js';
import { outcomeRows } from './outcomeRows.js';

type Outcomes = Evaluation['outcomes'];

const proportion = (treatment: number, control: number): Outcomes['ever_ordinary_job'] => ({
  treatment,
  control,
  difference: treatment - control,
  ci95_newcombe: [-0.2, 0.3],
  ci95_wald: [-0.25, 0.35],
});
const mean = (treatment: number, control: number): Outcomes['employment_degree'] => ({
  treatment,
  control,
  difference: treatment - control,
  ci95_welch: [-0.5, 0.6],
  p_welch: 0.41,
  adjusted_difference: 0.09,
  ci95_adjusted: [-0.4, 0.58],
  p_adjusted: 0.33,
});

// The evaluation of a report as GET /api/experiments/:id/report answers, shaped as shared/contracts/evaluation.md.
const EVALUATION: Evaluation = {
  treatment: 'group1',
  control: 'control',
  n: { treatment: 2, control: 2 },
  weeks: 6,
  outcomes: {
    ever_ordinary_job: proportion(0.5, 0),
    ever_flexjob: { ...proportion(0, 0), ci95_newcombe: null, ci95_wald: null },
    ever_internship: proportion(0, 0.5),
    ever_job_or_education: proportion(1, 0),
    zero_employment_degree: proportion(0, 1),
    employment_degree: mean(0.5833, 0),
    active_share: mean(0, 0.5),
    internship_weeks: mean(0, 3),
    time_to_first_job: {
      median_weeks: { treatment: 4, control: null },
      cumulative_incidence: { '6': { treatment: 1, control: 0 } },
      rmst_weeks: { horizon: 6, treatment: 3.5, control: 6 },
      hazard_ratio: null,
      ci95: null,
      p_logrank: 0.08,
    },
  },
  balance: [
    { variable: 'age', treatment_mean: 53, control_mean: 56.5, smd: -1.4 },
    { variable: 'years_on_benefit', treatment_mean: 3.9, control_mean: 2.7, smd: null },
  ],
  strata: [{ stratum: 'age:40+|benefit:all', treatment: 2, control: 2 }],
};

describe('outcomeRows', () => {
  it('lists the primary outcome first, then the secondary ones in the design order, then the rest', () => {
    const rows = outcomeRows(EVALUATION, 'employment_degree', ['active_share', 'ever_ordinary_job']);
    expect(rows.map((row) => `${row.outcome}:${row.role}`)).toEqual([
      'employment_degree:primary',
      'active_share:secondary',
      'ever_ordinary_job:secondary',
      'ever_flexjob:other',
      'ever_internship:other',
      'ever_job_or_education:other',
      'zero_employment_degree:other',
      'internship_weeks:other',
      'time_to_first_job:other',
    ]);
  });

  it('shows the stratum-adjusted estimate for means, Newcombe for proportions and the Cox ratio for time to job', () => {
    const byOutcome = new Map(outcomeRows(EVALUATION, 'employment_degree', []).map((row) => [row.outcome, row]));
    expect(byOutcome.get('employment_degree')).toMatchObject({
      kind: 'share',
      method: 'adjusted',
      treatment: 0.5833,
      difference: 0.09,
      interval: [-0.4, 0.58],
      p: 0.33,
    });
    expect(byOutcome.get('ever_ordinary_job')).toMatchObject({
      kind: 'share',
      method: 'newcombe',
      difference: 0.5,
      interval: [-0.2, 0.3],
      p: null,
    });
    expect(byOutcome.get('ever_flexjob')).toMatchObject({ kind: 'share', method: 'newcombe', interval: null });
    expect(byOutcome.get('internship_weeks')).toMatchObject({ kind: 'weeks', treatment: 0, control: 3 });
    expect(byOutcome.get('time_to_first_job')).toMatchObject({
      kind: 'hazard',
      method: 'cox',
      treatment: 4,
      control: null,
      difference: null,
      interval: null,
      p: 0.08,
    });
  });
});
