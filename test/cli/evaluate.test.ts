// `medspiller evaluate` end to end: the built CLI on files in a temp dir (contract: evaluation.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCitizensCsv, syntheticWeeklyCsv } from '../../src/core/evaluation/synthetic-panel.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'medspiller-evaluate-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

let fileCount = 0;
function write(text: string): string {
  const file = path.join(dir, `f${fileCount++}.csv`);
  writeFileSync(file, text);
  return file;
}

function evaluate(citizens: string, weekly: string, ...extra: string[]): Outcome {
  const args = ['--citizens', write(citizens), '--weekly', write(weekly), ...extra];
  const r = spawnSync(process.execPath, [CLI, 'evaluate', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(outcome: Outcome): Record<string, unknown> & { outcomes: Record<string, Record<string, unknown>> } {
  expect(outcome.stderr).toBe('');
  expect(outcome.status).toBe(0);
  return JSON.parse(outcome.stdout) as Record<string, unknown> & { outcomes: Record<string, Record<string, unknown>> };
}

// Freireich et al. (1963) remission data as weeks until the first job: 6-MP as treatment,
// placebo as control; `false` marks a censored time (left follow-up without a job).
const SIX_MP: [number, boolean][] = [
  [6, true],
  [6, true],
  [6, true],
  [6, false],
  [7, true],
  [9, false],
  [10, true],
  [10, false],
  [11, false],
  [13, true],
  [16, true],
  [17, false],
  [19, false],
  [20, false],
  [22, true],
  [23, true],
  [25, false],
  [32, false],
  [32, false],
  [34, false],
  [35, false],
];
const PLACEBO: [number, boolean][] = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map(
  (t) => [t, true],
);

function freireichFiles(): { citizens: string; weekly: string } {
  const citizens = ['citizen_id,arm,stratum,age,years_unemployed'];
  const weekly: string[] = [];
  const add = (arm: string, rows: [number, boolean][]): void => {
    rows.forEach(([time, event], k) => {
      const id = `${arm}-${k + 1}`;
      citizens.push(`${id},${arm},all,${30 + k},${k % 5}`);
      // A job week may be followed by other weeks: the time is still the first employed week.
      const last = event ? Math.min(time + 2, 35) : time;
      for (let week = 1; week <= last; week++)
        weekly.push(`${id},${week},${event && week === time ? 'ordinary_job' : week > time ? 'flexjob' : 'none'}`);
    });
  };
  add('6-MP', SIX_MP);
  add('placebo', PLACEBO);
  // Rows last week first: the order of rows must not matter.
  return {
    citizens: citizens.join('\n') + '\n',
    weekly: ['citizen_id,week,status', ...weekly.reverse()].join('\n') + '\n',
  };
}

describe('medspiller evaluate: figures', () => {
  it('reproduces the published 6-MP results (Cox with Efron ties, log-rank, KM medians)', () => {
    const { citizens, weekly } = freireichFiles();
    const r = json(evaluate(citizens, weekly, '--treatment', '6-MP', '--control', 'placebo'));
    expect(r.n).toEqual({ treatment: 21, control: 21 });
    expect(r.weeks).toBe(35);
    const t = r.outcomes.time_to_first_job as {
      median_weeks: unknown;
      hazard_ratio: number;
      ci95: [number, number];
      p_logrank: number;
      cumulative_incidence: Record<string, { treatment: number; control: number }>;
      rmst_weeks: { horizon: number; treatment: number; control: number };
    };
    expect(t.median_weeks).toEqual({ treatment: 23, control: 8 });
    // R: coxph(Surv(time, cens) ~ treat, gehan): coef 1.572 (placebo vs 6-MP), se 0.412;
    // exp(-coef) = 0.208 with 95 % CI 0.0926 to 0.465; survdiff chisq 16.8 → p 4.17e-05.
    expect(t.hazard_ratio).toBeCloseTo(Math.exp(-1.5721), 3);
    expect(t.ci95[0]).toBeCloseTo(0.0926, 3);
    expect(t.ci95[1]).toBeCloseTo(0.4654, 3);
    expect(t.p_logrank).toBeCloseTo(4.17e-5, 6);
    expect(Object.keys(t.cumulative_incidence)).toEqual(['26', '35']);
    expect(t.cumulative_incidence['26']!.treatment).toBeCloseTo(1 - 0.448, 3);
    expect(t.cumulative_incidence['26']!.control).toBe(1);
    // Placebo: everyone employed by week 23, so RMST = mean first-job week = 182 / 21.
    expect(t.rmst_weeks.horizon).toBe(35);
    expect(t.rmst_weeks.control).toBeCloseTo(182 / 21, 10);
  });

  it('prints the contract keys in order on a generated panel and matches direct counts', () => {
    const options = { citizens: 600, weeks: 52, seed: 7, order: 'shuffled' as const };
    const citizens = [...syntheticCitizensCsv(options)].join('');
    const weekly = [...syntheticWeeklyCsv(options)].join('');
    const r = json(evaluate(citizens, weekly, '--treatment', 'group1', '--control', 'control'));
    expect(Object.keys(r)).toEqual(['treatment', 'control', 'n', 'weeks', 'outcomes', 'balance', 'strata']);
    expect(Object.keys(r.outcomes)).toEqual([
      'ever_ordinary_job',
      'ever_flexjob',
      'ever_internship',
      'ever_job_or_education',
      'zero_employment_degree',
      'employment_degree',
      'active_share',
      'internship_weeks',
      'time_to_first_job',
    ]);
    expect(Object.keys(r.outcomes.ever_flexjob!)).toEqual([
      'treatment',
      'control',
      'difference',
      'ci95_newcombe',
      'ci95_wald',
    ]);
    expect(Object.keys(r.outcomes.active_share!)).toEqual([
      'treatment',
      'control',
      'difference',
      'ci95_welch',
      'p_welch',
      'adjusted_difference',
      'ci95_adjusted',
      'p_adjusted',
    ]);
    expect(Object.keys(r.outcomes.time_to_first_job!)).toEqual([
      'median_weeks',
      'cumulative_incidence',
      'rmst_weeks',
      'hazard_ratio',
      'ci95',
      'p_logrank',
    ]);
    expect(r.weeks).toBe(52);

    // Direct computation from the files for a few figures.
    const rows = citizens
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const arm = new Map(rows.map((f) => [f[0]!, f[1]!]));
    const jobs = new Map<string, { ordinary: boolean; employed: number; weeks: number }>();
    for (const line of weekly.trim().split('\n').slice(1)) {
      const [id, , status] = line.split(',');
      const c = jobs.get(id!) ?? { ordinary: false, employed: 0, weeks: 0 };
      c.weeks++;
      if (status === 'ordinary_job') c.ordinary = true;
      if (status === 'ordinary_job' || status === 'flexjob' || status === 'subsidised_hours') c.employed++;
      jobs.set(id!, c);
    }
    const ids = (a: string): string[] => [...arm].filter(([, v]) => v === a).map(([id]) => id);
    const share = (a: string): number => ids(a).filter((id) => jobs.get(id)!.ordinary).length / ids(a).length;
    const degree = (a: string): number =>
      ids(a).reduce((s, id) => s + jobs.get(id)!.employed / jobs.get(id)!.weeks, 0) / ids(a).length;
    expect(r.n).toEqual({ treatment: ids('group1').length, control: ids('control').length });
    expect(r.outcomes.ever_ordinary_job!.treatment).toBeCloseTo(share('group1'), 12);
    expect(r.outcomes.ever_ordinary_job!.control).toBeCloseTo(share('control'), 12);
    expect(r.outcomes.employment_degree!.treatment).toBeCloseTo(degree('group1'), 12);
    expect(r.outcomes.employment_degree!.control).toBeCloseTo(degree('control'), 12);
    const strata = r.strata as { stratum: string }[];
    expect(strata.map((s) => s.stratum)).toEqual(strata.map((s) => s.stratum).sort());
    expect((r.balance as { variable: string }[]).map((b) => b.variable)).toEqual([
      'age',
      'years_unemployed',
      'children',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('reads BOM, CRLF and RFC 4180 quoting in both files', () => {
    const citizens =
      '\uFEFFcitizen_id,arm,stratum,age,years_unemployed\r\n"A, Jensen",T,"s ""1""",40,2\r\nB,T,"s ""1""",41,3\r\n"C\nD",K,s2,50,1.5\r\nE,K,s2,52,0\r\n';
    const weekly =
      'citizen_id,week,status\r\n"A, Jensen",1,none\r\n"A, Jensen","2",ordinary_job\r\nB,1,"internship"\r\n"C\nD",1,none\r\nE,1,flexjob\r\nE,2,none\r\n';
    const r = json(evaluate(citizens, weekly, '--treatment', 'T', '--control', 'K'));
    expect(r.n).toEqual({ treatment: 2, control: 2 });
    expect(r.strata).toEqual([
      { stratum: 's "1"', treatment: 2, control: 0 },
      { stratum: 's2', treatment: 0, control: 2 },
    ]);
    expect(r.outcomes.ever_ordinary_job!.treatment).toBe(0.5);
    expect(r.outcomes.ever_flexjob!.control).toBe(0.5);
    // No stratum holds both arms: the adjusted estimate cannot be computed.
    expect(r.outcomes.employment_degree!.adjusted_difference).toBeNull();
  });

  it('prints text tables with --format text', () => {
    const { citizens, weekly } = freireichFiles();
    const r = evaluate(citizens, weekly, '--treatment', '6-MP', '--control', 'placebo', '--format', 'text');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Evaluation: 6-MP \(n = 21\) against placebo \(n = 21\), follow-up 35 weeks/);
    expect(r.stdout).toMatch(/median weeks \(Kaplan–Meier\)\s+23\s+8/);
    expect(r.stdout).toContain('ever_job_or_education');
  });
});

const GOOD_CITIZENS = 'citizen_id,arm,stratum,age,years_unemployed\na,T,s,30,1\nb,C,s,40,2\n';
const GOOD_WEEKLY = 'citizen_id,week,status\na,1,none\na,2,flexjob\nb,1,none\n';
const ARMS = ['--treatment', 'T', '--control', 'C'];

describe('medspiller evaluate: bad input → exit 2, nothing on stdout, file:line on stderr', () => {
  const cases: [string, string, string, string[], RegExp[]][] = [
    [
      'unknown treatment arm',
      GOOD_CITIZENS,
      GOOD_WEEKLY,
      ['--treatment', 'X', '--control', 'C'],
      [/^--treatment "X" is not an arm \(arms in citizens\.csv: C, T\)$/],
    ],
    [
      'unknown control arm',
      GOOD_CITIZENS,
      GOOD_WEEKLY,
      ['--treatment', 'T', '--control', 'Y'],
      [/^--control "Y" is not an arm/],
    ],
    [
      'treatment equal to control',
      GOOD_CITIZENS,
      GOOD_WEEKLY,
      ['--treatment', 'T', '--control', 'T'],
      [/--treatment and --control are both "T"/],
    ],
    [
      'citizen without weeks',
      GOOD_CITIZENS + 'c,C,s,50,3\n',
      GOOD_WEEKLY,
      ARMS,
      [/f\d+\.csv:4: citizen_id "c" has no rows in /],
    ],
    [
      'weekly row for an unknown citizen',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'z,1,none\n',
      ARMS,
      [/f\d+\.csv:5: citizen_id "z" is not in citizens\.csv$/],
    ],
    [
      'gap',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'b,3,none\n',
      ARMS,
      [/f\d+\.csv:3: citizen_id "b" has weeks up to 3 in .* but no week 2/],
    ],
    [
      'duplicate week',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'a,2,none\n',
      ARMS,
      [/f\d+\.csv:5: week 2 of citizen_id "a" appears more than once$/],
    ],
    [
      'empty numeric cell',
      'citizen_id,arm,stratum,age,years_unemployed\na,T,s,,1\nb,C,s,40,2\n',
      GOOD_WEEKLY,
      ARMS,
      [/f\d+\.csv:2: age is empty/],
    ],
    [
      'non-numeric cell',
      'citizen_id,arm,stratum,age,years_unemployed,dual\na,T,s,3,1,yes\nb,C,s,40,2,0\n',
      GOOD_WEEKLY,
      ARMS,
      [/f\d+\.csv:2: dual "yes" is not a number$/],
    ],
    [
      'bad status',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'b,2,job\n',
      ARMS,
      [
        /f\d+\.csv:5: status "job" is not one of none, active_measure, internship, subsidised_hours, flexjob, education, ordinary_job$/,
      ],
    ],
    ['week below 1', GOOD_CITIZENS, GOOD_WEEKLY + 'b,0,none\n', ARMS, [/f\d+\.csv:5: week "0" is below 1$/]],
    [
      'week not an integer',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'b,2.0,none\n',
      ARMS,
      [/f\d+\.csv:5: week "2\.0" is not a whole number$/],
    ],
    ['empty week', GOOD_CITIZENS, GOOD_WEEKLY + 'b,,none\n', ARMS, [/f\d+\.csv:5: week is empty/]],
    [
      'duplicate citizen_id',
      GOOD_CITIZENS + 'a,C,s,1,1\n',
      GOOD_WEEKLY,
      ARMS,
      [/f\d+\.csv:4: citizen_id "a" appears again \(first on line 2\)$/],
    ],
    [
      'missing citizens column',
      'citizen_id,arm,age,years_unemployed\na,T,1,1\n',
      GOOD_WEEKLY,
      ARMS,
      [/f\d+\.csv:1: missing column "stratum"/],
    ],
    ['missing weekly column', GOOD_CITIZENS, 'citizen_id,week\na,1\n', ARMS, [/f\d+\.csv:1: missing column "status"/]],
    [
      'wrong field count',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'b,2,none,extra\n',
      ARMS,
      [/f\d+\.csv:5: 4 fields, but the header has 3$/],
    ],
    ['unclosed quote', GOOD_CITIZENS, GOOD_WEEKLY + 'b,2,"none\n', ARMS, [/f\d+\.csv:5: unterminated quoted field/]],
    ['empty weekly file', GOOD_CITIZENS, '', ARMS, [/f\d+\.csv: the file is empty \(no header row\)$/]],
    [
      'several problems at once',
      GOOD_CITIZENS,
      GOOD_WEEKLY + 'z,1,none\nb,0,job\n',
      ARMS,
      [/:5: citizen_id "z"/, /:6: week "0" is below 1/, /:6: status "job"/],
    ],
  ];

  it.each(cases)('%s', (_name, citizens, weekly, args, expected) => {
    const r = evaluate(citizens, weekly, ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expected.forEach((pattern, k) => {
      expect(lines[k]).toMatch(pattern);
    });
    expect(lines).toHaveLength(expected.length);
  });

  it('prints at most 20 problems', () => {
    const weekly = GOOD_WEEKLY + Array.from({ length: 40 }, (_, i) => `nobody${i},1,none\n`).join('');
    const r = evaluate(GOOD_CITIZENS, weekly, ...ARMS);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(20);
  });

  it('names a missing file and a missing flag', () => {
    const missing = spawnSync(
      process.execPath,
      [CLI, 'evaluate', '--citizens', path.join(dir, 'nope.csv'), '--weekly', 'x', ...ARMS],
      { encoding: 'utf8' },
    );
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    const flag = spawnSync(process.execPath, [CLI, 'evaluate', '--citizens', 'a.csv', ...ARMS], { encoding: 'utf8' });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--weekly is required/);
  });

  it('answers --help with exit 0', () => {
    const help = spawnSync(process.execPath, [CLI, 'evaluate', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--treatment ARM');
  });
});
