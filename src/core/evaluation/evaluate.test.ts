import { describe, expect, it } from 'vitest';
import { CsvParser } from '../csv/index.js';
import { chiSquare1Sf } from '../stats/distributions.js';
import { newcombeDifference, waldDifference } from '../stats/proportions.js';
import { evaluateExperiment, type EvaluationResult } from './evaluate.js';
import { ExperimentInput } from './experiment-input.js';

/** Runs the pure reading pipeline on CSV text; returns the problems or the result. */
function evaluateText(
  citizens: string,
  weekly: string,
  treatment: string,
  control: string,
): EvaluationResult | readonly string[] {
  const input = new ExperimentInput('citizens.csv', 'weekly.csv');
  const parser = new CsvParser((fields, line) => {
    input.citizenRecord(fields, line);
  });
  parser.push(citizens);
  parser.end();
  if (input.endCitizens() === null || input.problems.count > 0) return input.problems.list();
  const scanner = input.weekly();
  scanner.push(new TextEncoder().encode(weekly));
  const data = input.finish();
  return data === null ? input.problems.list() : evaluateExperiment(data, treatment, control);
}

const CITIZENS = `citizen_id,arm,stratum,age,years_unemployed,children
t1,T,north,30,1,1
t2,T,north,40,2,1
t3,T,south,50,3,1
t4,T,south,60,4,1
c1,C,north,35,1,1
c2,C,north,45,2,1
c3,C,south,55,3,1
c4,C,south,25,4,1
o1,O,Alpha,20,9,0
`;

const TRAJECTORIES: Record<string, string[]> = {
  t1: ['none', 'ordinary_job', 'ordinary_job', 'none'],
  t2: ['internship', 'internship', 'flexjob'],
  t3: ['none', 'education', 'none', 'none'],
  t4: ['active_measure', 'none'],
  c1: ['none', 'none', 'none', 'none'],
  c2: ['subsidised_hours', 'none', 'none', 'none'],
  c3: ['none', 'none', 'none', 'ordinary_job'],
  c4: ['education', 'internship', 'none', 'none'],
  o1: ['none', 'none', 'none', 'none'],
};

// Week-major order, to show the order does not matter.
const WEEKLY = ['citizen_id,week,status'];
for (let w = 1; w <= 4; w++) {
  for (const [id, statuses] of Object.entries(TRAJECTORIES))
    if (w <= statuses.length) WEEKLY.push(`${id},${w},${statuses[w - 1]!}`);
}

function result(): EvaluationResult {
  const r = evaluateText(CITIZENS, WEEKLY.join('\n'), 'T', 'C');
  if (Array.isArray(r)) throw new Error(r.join('\n'));
  return r as EvaluationResult;
}

describe('evaluateExperiment on a hand-computed panel', () => {
  it('counts citizens, the follow-up and the strata', () => {
    const r = result();
    expect(r.n).toEqual({ treatment: 4, control: 4 });
    expect(r.weeks).toBe(4);
    expect(r.strata).toEqual([
      { stratum: 'north', treatment: 2, control: 2 },
      { stratum: 'south', treatment: 2, control: 2 },
    ]);
  });

  it('computes the binary outcomes per the definitions', () => {
    const o = result().outcomes;
    expect([o.ever_ordinary_job.treatment, o.ever_ordinary_job.control]).toEqual([0.25, 0.25]);
    expect([o.ever_flexjob.treatment, o.ever_flexjob.control, o.ever_flexjob.difference]).toEqual([0.25, 0, 0.25]);
    expect([o.ever_internship.treatment, o.ever_internship.control]).toEqual([0.25, 0.25]);
    expect([o.ever_job_or_education.treatment, o.ever_job_or_education.control]).toEqual([0.75, 0.75]);
    expect([o.zero_employment_degree.treatment, o.zero_employment_degree.control]).toEqual([0.5, 0.5]);
    expect(o.ever_flexjob.ci95_newcombe).toEqual(newcombeDifference(1, 4, 0, 4));
    expect(o.ever_flexjob.ci95_wald).toEqual(waldDifference(1, 4, 0, 4));
  });

  it('computes the per-citizen means and the stratum-adjusted difference', () => {
    const o = result().outcomes;
    expect(o.employment_degree.treatment).toBeCloseTo((0.5 + 1 / 3) / 4, 14);
    expect(o.employment_degree.control).toBeCloseTo(0.125, 14);
    expect(o.active_share.treatment).toBeCloseTo((2 / 3 + 0.25 + 0.5) / 4, 14);
    expect(o.active_share.control).toBeCloseTo(0.125, 14);
    expect(o.internship_weeks.treatment).toBe(0.5);
    expect(o.internship_weeks.control).toBe(0.25);
    // Equal weights n1·n0/n = 1 in both strata: β = mean of the stratum differences.
    expect(o.employment_degree.adjusted_difference).toBeCloseTo(((0.5 + 1 / 3) / 2 - 0.125 + (0 - 0.125)) / 2, 14);
    expect(o.employment_degree.ci95_adjusted).not.toBeNull();
  });

  it('computes Kaplan–Meier figures and the log-rank test by hand', () => {
    const t = result().outcomes.time_to_first_job;
    // Treatment: S = 1, 1, 3/4, 3/8, 3/8; control: 1, 3/4, 3/4, 3/4, 1/2.
    expect(t.median_weeks).toEqual({ treatment: 3, control: 4 });
    expect(Object.keys(t.cumulative_incidence)).toEqual(['4']);
    expect(t.cumulative_incidence['4']!.treatment).toBeCloseTo(0.625, 14);
    expect(t.cumulative_incidence['4']!.control).toBeCloseTo(0.5, 14);
    expect(t.rmst_weeks.horizon).toBe(4);
    expect(t.rmst_weeks.treatment).toBeCloseTo(3.125, 14);
    expect(t.rmst_weeks.control).toBeCloseTo(3.25, 14);
    const oMinusE = -0.5 + (1 - 4 / 7) + (1 - 2 / 5) - 0.25;
    const variance = 0.25 + 12 / 49 + 6 / 25 + 3 / 16;
    expect(t.p_logrank).toBeCloseTo(chiSquare1Sf((oMinusE * oMinusE) / variance), 12);
    expect(t.hazard_ratio).toBeGreaterThan(t.ci95![0]);
    expect(t.hazard_ratio).toBeLessThan(t.ci95![1]);
  });

  it('reports baseline balance with sample SDs and null for no variation', () => {
    const b = result().balance;
    expect(b.map((row) => row.variable)).toEqual(['age', 'years_unemployed', 'children']);
    expect(b[0]!.treatment_mean).toBe(45);
    expect(b[0]!.control_mean).toBe(40);
    expect(b[0]!.smd).toBeCloseTo(5 / Math.sqrt(500 / 3), 14);
    expect(b[1]!.smd).toBe(0);
    expect(b[2]).toEqual({ variable: 'children', treatment_mean: 1, control_mean: 1, smd: null });
  });

  it('gives null hazard ratio and log-rank p when an arm has no jobs, and keeps keys ≤ follow-up', () => {
    const weekly = [
      'citizen_id,week,status',
      'a,1,none',
      'a,2,ordinary_job',
      'b,1,none',
      'b,2,none',
      'c,1,none',
      'd,1,none',
    ];
    const citizens = 'citizen_id,arm,stratum,age,years_unemployed\na,T,s,1,1\nb,T,s,2,1\nc,C,s,3,1\nd,C,s,4,2\n';
    const r = evaluateText(citizens, weekly.join('\n'), 'T', 'C') as EvaluationResult;
    const t = r.outcomes.time_to_first_job;
    expect(t.hazard_ratio).toBeNull();
    expect(t.ci95).toBeNull();
    expect(t.p_logrank).toBeNull();
    // Treatment: one job at week 2 among two at risk → S(2) = 0.5, the median.
    expect(t.median_weeks).toEqual({ treatment: 2, control: null });
    expect(r.outcomes.ever_ordinary_job.ci95_wald).not.toBeNull();
    // Control never employed: SE 0 for the control-only proportion does not matter, but a
    // constant zero outcome in both arms (ever_flexjob) has no Wald interval.
    expect(r.outcomes.ever_flexjob.ci95_wald).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('reading problems', () => {
  it('reports citizens without weeks and gaps against their citizens.csv line', () => {
    const problems = evaluateText(
      CITIZENS,
      WEEKLY.filter((l) => !l.startsWith('c2,') && l !== 't1,2,ordinary_job').join('\n'),
      'T',
      'C',
    );
    expect(problems).toEqual([
      'citizens.csv:2: citizen_id "t1" has weeks up to 4 in weekly.csv but no week 2 (weeks must run 1..L without gaps)',
      'citizens.csv:7: citizen_id "c2" has no rows in weekly.csv',
    ]);
  });

  it('reports bad citizens.csv cells and duplicate ids', () => {
    const citizens = 'citizen_id,arm,stratum,age,years_unemployed\na,T,s,,1\nb,T,,x,1\na,C,s,1,1\n,C,s,1,1\nc,C,s,1\n';
    expect(evaluateText(citizens, '', 'T', 'C')).toEqual([
      'citizens.csv:2: age is empty (a number is required)',
      'citizens.csv:3: stratum is empty',
      'citizens.csv:3: age "x" is not a number',
      'citizens.csv:4: citizen_id "a" appears again (first on line 2)',
      'citizens.csv:5: citizen_id is empty',
      'citizens.csv:6: 4 fields, but the header has 5',
    ]);
  });

  it('reports missing citizens.csv columns', () => {
    expect(evaluateText('citizen_id,arm,age\n', '', 'T', 'C')).toEqual([
      'citizens.csv:1: missing columns "stratum", "years_unemployed" (header: citizen_id, arm, age)',
    ]);
  });

  it('stops at 20 problems', () => {
    const weekly = ['citizen_id,week,status', ...Array.from({ length: 50 }, (_, i) => `t1,${i + 1},job`)];
    const problems = evaluateText(CITIZENS, weekly.join('\n'), 'T', 'C') as string[];
    expect(problems).toHaveLength(20);
    expect(problems[19]).toMatch(/^weekly\.csv:21: status "job"/);
  });
});
