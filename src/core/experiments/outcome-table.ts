// The outcome table of a report as rows, shared by the CSV, HTML and PDF downloads.
import type { EvaluationResult } from '../evaluation/index.js';

export interface OutcomeRow {
  outcome: string;
  label_da: string;
  label_en: string;
  treatment: number | null;
  control: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** The interval shown: Newcombe for proportions, stratum-adjusted (HC2) for means, Cox for time to job. */
  interval: string;
  p: number | null;
  primary: boolean;
}

export const OUTCOME_LABELS: Record<string, { da: string; en: string }> = {
  ever_ordinary_job: { da: 'Ordinært job på et tidspunkt', en: 'Ever in an ordinary job' },
  ever_flexjob: { da: 'Fleksjob på et tidspunkt', en: 'Ever in a flexjob' },
  ever_internship: { da: 'Virksomhedspraktik på et tidspunkt', en: 'Ever in a company internship' },
  ever_job_or_education: {
    da: 'Job, fleksjob, løntilskud eller uddannelse',
    en: 'Job, flexjob, subsidised hours or education',
  },
  zero_employment_degree: { da: 'Beskæftigelsesgrad 0', en: 'Employment degree 0' },
  employment_degree: { da: 'Beskæftigelsesgrad', en: 'Employment degree' },
  active_share: { da: 'Andel af tiden i aktivitet', en: 'Share of time active' },
  internship_weeks: { da: 'Uger i virksomhedspraktik', en: 'Weeks in company internship' },
  time_to_first_job: { da: 'Tid til første job (hazard ratio)', en: 'Time to first job (hazard ratio)' },
};

export function outcomeRows(e: EvaluationResult, primary: string): OutcomeRow[] {
  const o = e.outcomes;
  const label = (k: string) => OUTCOME_LABELS[k] ?? { da: k, en: k };
  const proportions = [
    'ever_ordinary_job',
    'ever_flexjob',
    'ever_internship',
    'ever_job_or_education',
    'zero_employment_degree',
  ] as const;
  const means = ['employment_degree', 'active_share', 'internship_weeks'] as const;
  const rows: OutcomeRow[] = [
    ...proportions.map((k) => ({
      outcome: k,
      label_da: label(k).da,
      label_en: label(k).en,
      treatment: o[k].treatment,
      control: o[k].control,
      difference: o[k].difference,
      ci_low: o[k].ci95_newcombe?.[0] ?? null,
      ci_high: o[k].ci95_newcombe?.[1] ?? null,
      interval: 'newcombe',
      p: null,
      primary: k === primary,
    })),
    ...means.map((k) => ({
      outcome: k,
      label_da: label(k).da,
      label_en: label(k).en,
      treatment: o[k].treatment,
      control: o[k].control,
      difference: o[k].adjusted_difference,
      ci_low: o[k].ci95_adjusted?.[0] ?? null,
      ci_high: o[k].ci95_adjusted?.[1] ?? null,
      interval: 'ols_strata_hc2',
      p: o[k].p_adjusted,
      primary: k === primary,
    })),
    {
      outcome: 'time_to_first_job',
      label_da: label('time_to_first_job').da,
      label_en: label('time_to_first_job').en,
      treatment: o.time_to_first_job.median_weeks.treatment,
      control: o.time_to_first_job.median_weeks.control,
      difference: o.time_to_first_job.hazard_ratio,
      ci_low: o.time_to_first_job.ci95?.[0] ?? null,
      ci_high: o.time_to_first_job.ci95?.[1] ?? null,
      interval: 'cox_wald',
      p: o.time_to_first_job.p_logrank,
      primary: primary === 'time_to_first_job',
    },
  ];
  return rows;
}
