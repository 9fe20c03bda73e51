// The evaluation of one experiment: treatment arm against control arm on every outcome, the
// baseline balance and the strata. One code path for `medspiller evaluate` and the app's report.
import { moments } from '../stats/moments.js';
import { standardisedMeanDifference } from '../stats/smd.js';
import type { BaselineColumn } from './citizen-table.js';
import { citizenOutcomes } from './citizen-outcomes.js';
import {
  figure,
  meanEffect,
  proportionEffect,
  timeToFirstJob,
  type Figure,
  type MeanEffect,
  type ProportionEffect,
  type TimeToFirstJob,
} from './effects.js';
import type { CitizenWeeks } from './panel.js';

export interface ExperimentData {
  /** Arm of each citizen as an index into armNames. */
  readonly arm: Int32Array;
  readonly armNames: readonly string[];
  readonly stratum: Int32Array;
  readonly strataNames: readonly string[];
  readonly baseline: readonly BaselineColumn[];
  readonly weeks: CitizenWeeks;
}

export interface BalanceRow {
  readonly variable: string;
  readonly treatment_mean: Figure;
  readonly control_mean: Figure;
  readonly smd: Figure;
}

export interface StratumRow {
  readonly stratum: string;
  readonly treatment: number;
  readonly control: number;
}

export interface EvaluationResult {
  readonly treatment: string;
  readonly control: string;
  readonly n: { readonly treatment: number; readonly control: number };
  readonly weeks: number;
  readonly outcomes: {
    readonly ever_ordinary_job: ProportionEffect;
    readonly ever_flexjob: ProportionEffect;
    readonly ever_internship: ProportionEffect;
    readonly ever_job_or_education: ProportionEffect;
    readonly zero_employment_degree: ProportionEffect;
    readonly employment_degree: MeanEffect;
    readonly active_share: MeanEffect;
    readonly internship_weeks: MeanEffect;
    readonly time_to_first_job: TimeToFirstJob;
  };
  readonly balance: readonly BalanceRow[];
  readonly strata: readonly StratumRow[];
}

/** Problems with the arm names asked for (empty when both exist and differ). */
export function armProblems(armNames: readonly string[], treatment: string, control: string): string[] {
  const problems: string[] = [];
  const known = `arms in citizens.csv: ${[...armNames].sort().join(', ') || 'none'}`;
  if (treatment === control)
    problems.push(`--treatment and --control are both "${treatment}"; compare two different arms`);
  if (!armNames.includes(treatment)) problems.push(`--treatment "${treatment}" is not an arm (${known})`);
  if (!armNames.includes(control)) problems.push(`--control "${control}" is not an arm (${known})`);
  return problems;
}

export function evaluateExperiment(data: ExperimentData, treatment: string, control: string): EvaluationResult {
  const problems = armProblems(data.armNames, treatment, control);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const treatmentArm = data.armNames.indexOf(treatment);
  const controlArm = data.armNames.indexOf(control);
  const group = Uint8Array.from(data.arm, (a) => (a === treatmentArm ? 1 : a === controlArm ? 0 : 2));
  const o = citizenOutcomes(data.weeks);
  const strataCount = data.strataNames.length;
  const mean = (values: Float64Array): MeanEffect => meanEffect(values, group, data.stratum, strataCount);

  const perStratum = new Int32Array(2 * strataCount);
  let n1 = 0;
  let n0 = 0;
  group.forEach((g, i) => {
    if (g === 2) return;
    perStratum[2 * data.stratum[i]! + g]!++;
    if (g === 1) n1++;
    else n0++;
  });
  const strata = data.strataNames
    .map((stratum, s) => ({ stratum, treatment: perStratum[2 * s + 1]!, control: perStratum[2 * s]! }))
    .filter((row) => row.treatment + row.control > 0)
    .sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0));

  const balance = data.baseline.map(({ name, values }) => {
    const t = moments(values, (i) => group[i] === 1);
    const c = moments(values, (i) => group[i] === 0);
    return {
      variable: name,
      treatment_mean: figure(t.mean),
      control_mean: figure(c.mean),
      smd: figure(standardisedMeanDifference(t, c)),
    };
  });

  return {
    treatment,
    control,
    n: { treatment: n1, control: n0 },
    weeks: o.weeks,
    outcomes: {
      ever_ordinary_job: proportionEffect(o.everOrdinaryJob, group),
      ever_flexjob: proportionEffect(o.everFlexjob, group),
      ever_internship: proportionEffect(o.everInternship, group),
      ever_job_or_education: proportionEffect(o.everJobOrEducation, group),
      zero_employment_degree: proportionEffect(o.zeroEmploymentDegree, group),
      employment_degree: mean(o.employmentDegree),
      active_share: mean(o.activeShare),
      internship_weeks: mean(o.internshipWeeks),
      time_to_first_job: timeToFirstJob(o.timeToFirstJob, o.firstJobObserved, group, o.weeks),
    },
    balance,
    strata,
  };
}
