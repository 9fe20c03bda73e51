// The experiment report as the app reads it: flow, evaluation (the object `medspiller
// evaluate` prints, shared/contracts/evaluation.md) and curves by arm.
import { number, numberOrNull, OUTCOMES, type Outcome } from './experiment-records.js';
import { boolean, integer, list, object, oneOf, text, textOrNull, type JsonObject } from './json.js';

export interface ArmFlow {
  arm: string;
  label: string;
  allocated: number;
  lost: { moved: number; died: number; withdrew: number };
  analysed: number;
  not_yet_followed: number;
}

export type Interval = readonly [number, number] | null;

export interface ProportionOutcome {
  treatment: number | null;
  control: number | null;
  difference: number | null;
  ci95_newcombe: Interval;
  ci95_wald: Interval;
}

export interface MeanOutcome {
  treatment: number | null;
  control: number | null;
  difference: number | null;
  ci95_welch: Interval;
  p_welch: number | null;
  adjusted_difference: number | null;
  ci95_adjusted: Interval;
  p_adjusted: number | null;
}

export interface TimeToJob {
  median_weeks: { treatment: number | null; control: number | null };
  hazard_ratio: number | null;
  ci95: Interval;
  p_logrank: number | null;
}

export const PROPORTION_OUTCOMES = ['ever_ordinary_job', 'ever_flexjob', 'ever_internship', 'ever_job_or_education', 'zero_employment_degree'] as const;
export const MEAN_OUTCOMES = ['employment_degree', 'active_share', 'internship_weeks'] as const;
export type ProportionKey = (typeof PROPORTION_OUTCOMES)[number];
export type MeanKey = (typeof MEAN_OUTCOMES)[number];

export interface Balance {
  variable: string;
  treatment_mean: number | null;
  control_mean: number | null;
  smd: number | null;
}

export interface Evaluation {
  treatment: string;
  control: string;
  n: { treatment: number; control: number };
  weeks: number;
  outcomes: Record<ProportionKey, ProportionOutcome> & Record<MeanKey, MeanOutcome> & { time_to_first_job: TimeToJob };
  balance: Balance[];
  strata: { stratum: string; treatment: number; control: number }[];
}

export interface CurvePoint {
  week: number;
  survival: number;
  cumulative_employed: number;
  at_risk: number;
}

export interface Report {
  experiment: { id: string; name: string; question: string; design_version: number; design_hash: string | null; locked_at: string | null; primary_outcome: Outcome | null };
  as_of: string;
  treatment: string;
  control: string;
  interim: boolean;
  flow: { eligible: number; enrolled: number; arms: ArmFlow[] };
  evaluation: Evaluation | null;
  curves: { arm: string; points: CurvePoint[] }[];
}

function interval(from: JsonObject, key: string): Interval {
  const value = from[key];
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length !== 2) throw new Error(`${key} is not an interval`);
  const pair = { low: value[0] as unknown, high: value[1] as unknown };
  return [number(pair, 'low'), number(pair, 'high')];
}

function parseArmFlow(value: unknown): ArmFlow {
  const a = object(value, 'arm flow');
  const lost = object(a.lost, 'lost');
  return {
    arm: text(a, 'arm'),
    label: text(a, 'label'),
    allocated: integer(a, 'allocated'),
    lost: { moved: integer(lost, 'moved'), died: integer(lost, 'died'), withdrew: integer(lost, 'withdrew') },
    analysed: integer(a, 'analysed'),
    not_yet_followed: integer(a, 'not_yet_followed'),
  };
}

function parseProportion(value: unknown): ProportionOutcome {
  const o = object(value, 'outcome');
  return {
    treatment: numberOrNull(o, 'treatment'),
    control: numberOrNull(o, 'control'),
    difference: numberOrNull(o, 'difference'),
    ci95_newcombe: interval(o, 'ci95_newcombe'),
    ci95_wald: interval(o, 'ci95_wald'),
  };
}

function parseMean(value: unknown): MeanOutcome {
  const o = object(value, 'outcome');
  return {
    treatment: numberOrNull(o, 'treatment'),
    control: numberOrNull(o, 'control'),
    difference: numberOrNull(o, 'difference'),
    ci95_welch: interval(o, 'ci95_welch'),
    p_welch: numberOrNull(o, 'p_welch'),
    adjusted_difference: numberOrNull(o, 'adjusted_difference'),
    ci95_adjusted: interval(o, 'ci95_adjusted'),
    p_adjusted: numberOrNull(o, 'p_adjusted'),
  };
}

function parseTimeToJob(value: unknown): TimeToJob {
  const o = object(value, 'time_to_first_job');
  const median = object(o.median_weeks, 'median_weeks');
  return {
    median_weeks: { treatment: numberOrNull(median, 'treatment'), control: numberOrNull(median, 'control') },
    hazard_ratio: numberOrNull(o, 'hazard_ratio'),
    ci95: interval(o, 'ci95'),
    p_logrank: numberOrNull(o, 'p_logrank'),
  };
}

function parseEvaluation(value: unknown): Evaluation | null {
  if (value === null || value === undefined) return null;
  const e = object(value, 'evaluation');
  const n = object(e.n, 'n');
  const o = object(e.outcomes, 'outcomes');
  const proportions = Object.fromEntries(PROPORTION_OUTCOMES.map((key) => [key, parseProportion(o[key])])) as Record<ProportionKey, ProportionOutcome>;
  const means = Object.fromEntries(MEAN_OUTCOMES.map((key) => [key, parseMean(o[key])])) as Record<MeanKey, MeanOutcome>;
  return {
    treatment: text(e, 'treatment'),
    control: text(e, 'control'),
    n: { treatment: integer(n, 'treatment'), control: integer(n, 'control') },
    weeks: integer(e, 'weeks'),
    outcomes: { ...proportions, ...means, time_to_first_job: parseTimeToJob(o.time_to_first_job) },
    balance: list(e.balance, 'balance', (row) => {
      const b = object(row, 'balance row');
      return { variable: text(b, 'variable'), treatment_mean: numberOrNull(b, 'treatment_mean'), control_mean: numberOrNull(b, 'control_mean'), smd: numberOrNull(b, 'smd') };
    }),
    strata: list(e.strata, 'strata', (row) => {
      const s = object(row, 'stratum row');
      return { stratum: text(s, 'stratum'), treatment: integer(s, 'treatment'), control: integer(s, 'control') };
    }),
  };
}

function parsePoint(value: unknown): CurvePoint {
  const p = object(value, 'curve point');
  return { week: integer(p, 'week'), survival: number(p, 'survival'), cumulative_employed: number(p, 'cumulative_employed'), at_risk: integer(p, 'at_risk') };
}

export function parseReport(json: unknown): Report {
  const r = object(json, 'report');
  const x = object(r.experiment, 'experiment');
  const flow = object(r.flow, 'flow');
  const curves = object(r.curves, 'curves');
  const primary = x.primary_outcome;
  return {
    experiment: {
      id: text(x, 'id'),
      name: text(x, 'name'),
      question: text(x, 'question'),
      design_version: integer(x, 'design_version'),
      design_hash: textOrNull(x, 'design_hash'),
      locked_at: textOrNull(x, 'locked_at'),
      primary_outcome: primary === undefined || primary === null ? null : oneOf(x, 'primary_outcome', OUTCOMES),
    },
    as_of: text(r, 'as_of'),
    treatment: text(r, 'treatment'),
    control: text(r, 'control'),
    interim: boolean(r, 'interim'),
    flow: { eligible: integer(flow, 'eligible'), enrolled: integer(flow, 'enrolled'), arms: list(flow.arms, 'flow.arms', parseArmFlow) },
    evaluation: parseEvaluation(r.evaluation),
    curves: list(curves.arms, 'curves.arms', (entry) => {
      const arm = object(entry, 'curve');
      return { arm: text(arm, 'arm'), points: list(arm.points, 'points', parsePoint) };
    }),
  };
}
