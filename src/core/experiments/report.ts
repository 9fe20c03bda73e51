// The experiment report from per-citizen follow-up summaries: the CONSORT-style flow, the
// evaluation (the same computation as `medspiller evaluate`) and the curves by arm. Pure.
import type { BaselineColumn } from '../evaluation/citizen-table.js';
import { evaluateExperiment, type EvaluationResult } from '../evaluation/index.js';
import { STATUS_CODE, STATUS_COUNT } from '../evaluation/status.js';
import { atRisk, kaplanMeier, survivalCounts } from '../stats/kaplan-meier.js';

export interface Summary {
  arm: string;
  stratum: string;
  age: number;
  benefit_years: number;
  end_reason: string | null;
  /** Observed weeks L (0: not followed a whole week yet). */
  weeks: number;
  active_measure: number;
  internship: number;
  subsidised_hours: number;
  flexjob: number;
  education: number;
  ordinary_job: number;
  first_employed: number | null;
}

export interface ArmFlow {
  arm: string;
  label: string;
  allocated: number;
  lost: { moved: number; died: number; withdrew: number };
  analysed: number;
  not_yet_followed: number;
}

export interface CurvePoint {
  week: number;
  survival: number;
  cumulative_employed: number;
  at_risk: number;
}

export interface Report {
  flow: { eligible: number; enrolled: number; arms: ArmFlow[] };
  evaluation: EvaluationResult | null;
  curves: { arms: { arm: string; points: CurvePoint[] }[] };
  interim: boolean;
}

export interface ReportInput {
  arms: readonly { name: string; label: string }[];
  treatment: string;
  control: string;
  followUpWeeks: number;
  eligibleNotEnrolled: number;
  summaries: readonly Summary[];
}

function evaluation(input: ReportInput, analysed: readonly Summary[]): EvaluationResult | null {
  const inPair = analysed.filter((s) => s.arm === input.treatment || s.arm === input.control);
  if (!inPair.some((s) => s.arm === input.treatment) || !inPair.some((s) => s.arm === input.control)) return null;
  const armNames = input.arms.map((a) => a.name);
  const strataNames = [...new Set(analysed.map((s) => s.stratum))].sort();
  const n = analysed.length;
  const counts = new Int32Array(n * STATUS_COUNT);
  const firstEmployed = new Int32Array(n);
  const lastWeek = new Int32Array(n);
  analysed.forEach((s, i) => {
    const employedOrActive =
      s.active_measure + s.internship + s.subsidised_hours + s.flexjob + s.education + s.ordinary_job;
    counts[i * STATUS_COUNT + STATUS_CODE.none] = s.weeks - employedOrActive;
    counts[i * STATUS_COUNT + STATUS_CODE.active_measure] = s.active_measure;
    counts[i * STATUS_COUNT + STATUS_CODE.internship] = s.internship;
    counts[i * STATUS_COUNT + STATUS_CODE.subsidised_hours] = s.subsidised_hours;
    counts[i * STATUS_COUNT + STATUS_CODE.flexjob] = s.flexjob;
    counts[i * STATUS_COUNT + STATUS_CODE.education] = s.education;
    counts[i * STATUS_COUNT + STATUS_CODE.ordinary_job] = s.ordinary_job;
    firstEmployed[i] = s.first_employed ?? 0;
    lastWeek[i] = s.weeks;
  });
  const baseline: BaselineColumn[] = [
    { name: 'age', values: Float64Array.from(analysed, (s) => s.age) },
    { name: 'years_on_benefit', values: Float64Array.from(analysed, (s) => s.benefit_years) },
  ];
  return evaluateExperiment(
    {
      arm: Int32Array.from(analysed, (s) => armNames.indexOf(s.arm)),
      armNames,
      stratum: Int32Array.from(analysed, (s) => strataNames.indexOf(s.stratum)),
      strataNames,
      baseline,
      weeks: { counts, firstEmployed, lastWeek, weeksSeen: Int32Array.from(lastWeek) },
    },
    input.treatment,
    input.control,
  );
}

/** Kaplan–Meier of the time to the first employed week, per arm, week 0..the longest follow-up. */
function curves(input: ReportInput, analysed: readonly Summary[]): Report['curves'] {
  const horizon = Math.max(0, ...analysed.map((s) => s.weeks));
  return {
    arms: input.arms.map(({ name }) => {
      const own = analysed.filter((s) => s.arm === name);
      const counts = survivalCounts(
        own.map((s) => s.first_employed ?? s.weeks),
        own.map((s) => s.first_employed !== null),
        horizon,
      );
      const survival = kaplanMeier(counts);
      const risk = atRisk(counts);
      return {
        arm: name,
        points: Array.from(survival, (s, week) => ({
          week,
          survival: s,
          cumulative_employed: 1 - s,
          at_risk: risk[week] ?? 0,
        })),
      };
    }),
  };
}

export function buildReport(input: ReportInput): Report {
  const analysed = input.summaries.filter((s) => s.weeks > 0);
  const arms = input.arms.map(({ name, label }) => {
    const own = input.summaries.filter((s) => s.arm === name);
    const lost = { moved: 0, died: 0, withdrew: 0 };
    for (const s of own)
      if (s.end_reason === 'moved' || s.end_reason === 'died' || s.end_reason === 'withdrew') lost[s.end_reason]++;
    return {
      arm: name,
      label,
      allocated: own.length,
      lost,
      analysed: own.filter((s) => s.weeks > 0).length,
      not_yet_followed: own.filter((s) => s.weeks === 0).length,
    };
  });
  return {
    flow: { eligible: input.eligibleNotEnrolled + input.summaries.length, enrolled: input.summaries.length, arms },
    evaluation: evaluation(input, analysed),
    curves: curves(input, analysed),
    // Interim while anyone still followed has not completed the follow-up.
    interim: input.summaries.some((s) => s.end_reason === null && s.weeks < input.followUpWeeks),
  };
}
