// `--format text`: the evaluation as plain-text tables for a terminal or an e-mail (English
// labels, the JSON keys as row names so the two formats are easy to match up).
import type { EvaluationResult } from './evaluate.js';
import type { Figure, MeanEffect, Pair, ProportionEffect } from './effects.js';

const DASH = '–';

function fixed(x: Figure, digits: number): string {
  return x === null ? DASH : x.toFixed(digits);
}

function percent(x: Figure): string {
  return x === null ? DASH : `${(100 * x).toFixed(1)} %`;
}

function signedPoints(x: Figure): string {
  return x === null ? DASH : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
}

function range(p: Pair | null, show: (x: number) => string): string {
  return p === null ? DASH : `${show(p[0])} to ${show(p[1])}`;
}

function pValue(p: Figure): string {
  if (p === null) return DASH;
  return p < 0.0001 ? '<0.0001' : p.toFixed(4);
}

/** Left-aligns the first column and right-aligns the rest. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatEvaluationText(r: EvaluationResult): string {
  const o = r.outcomes;
  const out: string[] = [];
  out.push(
    `Evaluation: ${r.treatment} (n = ${r.n.treatment}) against ${r.control} (n = ${r.n.control}), follow-up ${r.weeks} weeks`,
  );
  out.push('Differences are treatment − control.', '');

  const proportions: [string, ProportionEffect][] = [
    ['ever_ordinary_job', o.ever_ordinary_job],
    ['ever_flexjob', o.ever_flexjob],
    ['ever_internship', o.ever_internship],
    ['ever_job_or_education', o.ever_job_or_education],
    ['zero_employment_degree', o.zero_employment_degree],
  ];
  const points = (x: number): string => (100 * x).toFixed(1);
  out.push('Shares of citizens (difference in percentage points)');
  out.push(
    ...table([
      ['outcome', 'treatment', 'control', 'difference', '95 % CI Newcombe', '95 % CI Wald'],
      ...proportions.map(([name, e]) => [
        name,
        percent(e.treatment),
        percent(e.control),
        signedPoints(e.difference),
        range(e.ci95_newcombe, points),
        range(e.ci95_wald, points),
      ]),
    ]),
    '',
  );

  const means: [string, MeanEffect, number][] = [
    ['employment_degree', o.employment_degree, 4],
    ['active_share', o.active_share, 4],
    ['internship_weeks', o.internship_weeks, 2],
  ];
  out.push('Means per citizen (Welch; adjusted: OLS with stratum fixed effects, HC2 SE)');
  out.push(
    ...table([
      ['outcome', 'treatment', 'control', 'difference', '95 % CI Welch', 'p', 'adjusted', '95 % CI adjusted', 'p adj.'],
      ...means.map(([name, e, d]) => {
        const show = (x: number): string => x.toFixed(d);
        return [
          name,
          fixed(e.treatment, d),
          fixed(e.control, d),
          fixed(e.difference, d),
          range(e.ci95_welch, show),
          pValue(e.p_welch),
          fixed(e.adjusted_difference, d),
          range(e.ci95_adjusted, show),
          pValue(e.p_adjusted),
        ];
      }),
    ]),
    '',
  );

  const t = o.time_to_first_job;
  out.push('Time to first job (employed week; censored at the last observed week)');
  out.push(
    ...table([
      ['', 'treatment', 'control'],
      ['median weeks (Kaplan–Meier)', fixed(t.median_weeks.treatment, 0), fixed(t.median_weeks.control, 0)],
      ...Object.entries(t.cumulative_incidence).map(([week, v]) => [
        `employed by week ${week}`,
        percent(v.treatment),
        percent(v.control),
      ]),
      [`RMST to week ${t.rmst_weeks.horizon}`, fixed(t.rmst_weeks.treatment, 1), fixed(t.rmst_weeks.control, 1)],
    ]),
  );
  out.push(
    `hazard ratio (Cox, Efron ties) ${fixed(t.hazard_ratio, 3)}, 95 % CI ${range(t.ci95, (x) => x.toFixed(3))}, log-rank p ${pValue(t.p_logrank)}`,
    '',
  );

  out.push('Baseline balance (standardised mean difference)');
  out.push(
    ...table([
      ['variable', 'treatment', 'control', 'SMD'],
      ...r.balance.map((b) => [b.variable, fixed(b.treatment_mean, 3), fixed(b.control_mean, 3), fixed(b.smd, 3)]),
    ]),
    '',
  );

  out.push('Strata');
  out.push(
    ...table([
      ['stratum', 'treatment', 'control'],
      ...r.strata.map((s) => [s.stratum, String(s.treatment), String(s.control)]),
    ]),
  );
  return `${out.join('\n')}\n`;
}
