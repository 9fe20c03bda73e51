import { describe, it, expect } from 'vitest';
import { outcomeRows } from '../pages/experiments/outcomeRows.js';
import { parseExperiment } from './experiment-records.js';
import { parseReport } from './experiment-report.js';

const proportion = (treatment: number, control: number) => ({
  treatment,
  control,
  difference: treatment - control,
  ci95_newcombe: [-0.2, 0.3],
  ci95_wald: [-0.25, 0.35],
});
const mean = (treatment: number, control: number) => ({
  treatment,
  control,
  difference: treatment - control,
  ci95_welch: [-0.5, 0.6],
  p_welch: 0.41,
  adjusted_difference: 0.09,
  ci95_adjusted: [-0.4, 0.58],
  p_adjusted: 0.33,
});

// A report as GET /api/experiments/:id/report answers, its evaluation shaped as shared/contracts/evaluation.md.
const REPORT = {
  experiment: {
    id: '8551dbea-1af7-47b4-9b90-6daa7d171c0e',
    name: 'Ansvar for eget liv',
    question: 'Virker det?',
    design_version: 1,
    design_hash: 'bd1d9ef0ff324bde4616a54d6f1b2d2b4a20db3b08ea8aac9e94f55daee80453',
    locked_at: '2026-11-23T19:07:46.286Z',
    primary_outcome: 'employment_degree',
  },
  as_of: '2027-01-04',
  treatment: 'group1',
  control: 'control',
  flow: {
    eligible: 5,
    enrolled: 4,
    arms: [
      { arm: 'group1', label: 'Indsatsgruppe', allocated: 2, lost: { moved: 0, died: 0, withdrew: 0 }, analysed: 2, not_yet_followed: 0 },
      { arm: 'control', label: 'Kontrolgruppe', allocated: 2, lost: { moved: 1, died: 0, withdrew: 0 }, analysed: 2, not_yet_followed: 0 },
    ],
  },
  evaluation: {
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
  },
  curves: {
    arms: [
      { arm: 'group1', points: [{ week: 0, survival: 1, cumulative_employed: 0, at_risk: 2 }] },
      { arm: 'control', points: [{ week: 0, survival: 1, cumulative_employed: 0, at_risk: 2 }] },
    ],
  },
  interim: true,
};

describe('parseReport', () => {
  it("reads the server's report, null intervals included", () => {
    const report = parseReport(REPORT);
    expect(report.interim).toBe(true);
    expect(report.flow.arms[1]?.lost.moved).toBe(1);
    expect(report.evaluation?.outcomes.ever_flexjob.ci95_newcombe).toBeNull();
    expect(report.evaluation?.outcomes.employment_degree.ci95_adjusted).toEqual([-0.4, 0.58]);
    expect(report.evaluation?.outcomes.time_to_first_job.median_weeks).toEqual({ treatment: 4, control: null });
    expect(report.curves[0]?.points[0]?.at_risk).toBe(2);
  });

  it('takes a report without an evaluation yet', () => {
    expect(parseReport({ ...REPORT, evaluation: null }).evaluation).toBeNull();
  });

  it('rejects a shape it does not know, naming the field', () => {
    expect(() => parseReport({ ...REPORT, interim: 'yes' })).toThrow('interim is not true or false');
    const badInterval = { ...REPORT.evaluation, outcomes: { ...REPORT.evaluation.outcomes, ever_ordinary_job: { ...proportion(0.5, 0), ci95_newcombe: [0.1] } } };
    expect(() => parseReport({ ...REPORT, evaluation: badInterval })).toThrow('ci95_newcombe is not an interval');
  });
});

describe('outcomeRows', () => {
  const evaluation = parseReport(REPORT).evaluation;
  if (evaluation === null) throw new Error('the fixture has an evaluation');

  it('lists the primary outcome first, then the secondary ones in the design order, then the rest', () => {
    const rows = outcomeRows(evaluation, 'employment_degree', ['active_share', 'ever_ordinary_job']);
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
    const byOutcome = new Map(outcomeRows(evaluation, 'employment_degree', []).map((row) => [row.outcome, row]));
    expect(byOutcome.get('employment_degree')).toMatchObject({ kind: 'share', method: 'adjusted', treatment: 0.5833, difference: 0.09, interval: [-0.4, 0.58], p: 0.33 });
    expect(byOutcome.get('ever_ordinary_job')).toMatchObject({ kind: 'share', method: 'newcombe', difference: 0.5, interval: [-0.2, 0.3], p: null });
    expect(byOutcome.get('internship_weeks')).toMatchObject({ kind: 'weeks', treatment: 0, control: 3 });
    expect(byOutcome.get('time_to_first_job')).toMatchObject({ kind: 'hazard', method: 'cox', treatment: 4, control: null, difference: null, interval: null, p: 0.08 });
  });
});

describe('parseExperiment', () => {
  it('reads a locked experiment and rejects an unknown status', () => {
    const body = {
      id: REPORT.experiment.id,
      status: 'enrolling',
      design: {
        name: 'Ansvar for eget liv',
        question: 'Virker det?',
        arms: [
          { name: 'group1', label: 'Indsatsgruppe', weight: 1, description: 'Dobbelt tid', caseload_cap: 15, meeting_modes: ['home'] },
          { name: 'control', label: 'Kontrolgruppe', weight: 1, description: 'Som nu' },
        ],
        control_arm: 'control',
        eligibility: { categories: ['activity_ready'], min_age: 18 },
        strata: { age_cuts: [40], benefit_year_cuts: [3, 5] },
        follow_up_weeks: 104,
        primary_outcome: 'ever_job_or_education',
        secondary_outcomes: ['employment_degree'],
        consent_required: true,
      },
      design_version: 1,
      design_hash: REPORT.experiment.design_hash,
      locked_at: REPORT.experiment.locked_at,
      seed_id: '4e12f745-a3a4-4192-84ac-7019413aaf2d',
      enrolled: 0,
      version: 2,
      created_at: '2026-11-23T19:07:46.200Z',
    };
    const experiment = parseExperiment(body);
    expect(experiment.design.arms[0]).toEqual({ name: 'group1', label: 'Indsatsgruppe', weight: 1, description: 'Dobbelt tid', caseload_cap: 15, meeting_modes: ['home'] });
    expect(experiment.design.arms[1]).not.toHaveProperty('caseload_cap');
    expect(experiment.design.eligibility).toEqual({ categories: ['activity_ready'], min_age: 18 });
    expect(() => parseExperiment({ ...body, status: 'running' })).toThrow('status is not one of');
  });
});
