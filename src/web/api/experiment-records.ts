// The experiment API's records (src/server/modules/experiments/schema.ts) as the app reads
// them, with parsers that reject an unexpected shape.
import { boolean, integer, isObject, list, object, oneOf, oneOfOrNull, text, textOrNull, type JsonObject } from './json.js';
import { CATEGORIES, MODES, type Category, type Mode } from './vocabulary.js';

export const EXPERIMENT_STATUSES = ['draft', 'enrolling', 'closed'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** The outcomes a design can name, in the order the report lists them. */
export const OUTCOMES = [
  'ever_ordinary_job',
  'ever_flexjob',
  'ever_internship',
  'ever_job_or_education',
  'zero_employment_degree',
  'employment_degree',
  'active_share',
  'internship_weeks',
  'time_to_first_job',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const END_REASONS = ['moved', 'died', 'withdrew'] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface Arm {
  name: string;
  label: string;
  weight: number;
  description: string;
  caseload_cap?: number | null;
  /** Not edited in the app, but kept when a design is saved again. */
  self_budget_ore?: number | null;
  meeting_modes?: Mode[];
}

export interface Eligibility {
  categories: Category[];
  min_age?: number | null;
  max_age?: number | null;
  min_benefit_years?: number | null;
  max_benefit_years?: number | null;
}

export interface Design {
  name: string;
  question: string;
  arms: Arm[];
  control_arm: string;
  eligibility: Eligibility;
  strata: { age_cuts: number[]; benefit_year_cuts: number[] };
  follow_up_weeks: number;
  primary_outcome: Outcome;
  secondary_outcomes: Outcome[];
  consent_required: boolean;
}

export interface Experiment {
  id: string;
  status: ExperimentStatus;
  design: Design;
  design_version: number;
  design_hash: string | null;
  locked_at: string | null;
  enrolled: number;
  version: number;
  created_at: string;
}

export interface ExperimentSummary {
  id: string;
  name: string;
  status: ExperimentStatus;
  enrolled: number;
  design_version: number;
  created_at: string;
}

export interface EligibleCitizen {
  case_id: string;
  citizen_id: string;
  name: string | null;
  pseudonym: string;
  age: number;
  benefit_years: number;
  category: string | null;
  stratum: string;
}

export interface Enrolment {
  citizen_id: string;
  case_id: string;
  pseudonym: string;
  name: string | null;
  stratum: string;
  arm: string;
  enrolled_on: string;
  consent: boolean;
  ended_on: string | null;
  end_reason: EndReason | null;
}

export function number(from: JsonObject, key: string): number {
  const value = from[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${key} is not a number`);
  return value;
}

export function numberOrNull(from: JsonObject, key: string): number | null {
  const value = from[key];
  if (value === null || value === undefined) return null;
  return number(from, key);
}

function optionalNumber(from: JsonObject, key: string): { [key: string]: number | null } {
  return key in from ? { [key]: numberOrNull(from, key) } : {};
}

function parseArm(value: unknown): Arm {
  const a = object(value, 'arm');
  const arm: Arm = { name: text(a, 'name'), label: text(a, 'label'), weight: integer(a, 'weight'), description: text(a, 'description') };
  Object.assign(arm, optionalNumber(a, 'caseload_cap'), optionalNumber(a, 'self_budget_ore'));
  if (Array.isArray(a.meeting_modes)) arm.meeting_modes = list(a.meeting_modes, 'meeting_modes', (mode) => oneOf({ mode }, 'mode', MODES));
  return arm;
}

function numbers(value: unknown, what: string): number[] {
  return list(value, what, (entry) => number({ entry }, 'entry'));
}

export function parseDesign(value: unknown): Design {
  const d = object(value, 'design');
  const e = object(d.eligibility, 'eligibility');
  const s = object(d.strata, 'strata');
  const eligibility: Eligibility = { categories: list(e.categories, 'categories', (category) => oneOf({ category }, 'category', CATEGORIES)) };
  Object.assign(eligibility, ...['min_age', 'max_age', 'min_benefit_years', 'max_benefit_years'].map((key) => optionalNumber(e, key)));
  return {
    name: text(d, 'name'),
    question: text(d, 'question'),
    arms: list(d.arms, 'arms', parseArm),
    control_arm: text(d, 'control_arm'),
    eligibility,
    strata: { age_cuts: numbers(s.age_cuts, 'age_cuts'), benefit_year_cuts: numbers(s.benefit_year_cuts, 'benefit_year_cuts') },
    follow_up_weeks: integer(d, 'follow_up_weeks'),
    primary_outcome: oneOf(d, 'primary_outcome', OUTCOMES),
    secondary_outcomes: list(d.secondary_outcomes, 'secondary_outcomes', (outcome) => oneOf({ outcome }, 'outcome', OUTCOMES)),
    consent_required: boolean(d, 'consent_required'),
  };
}

export function parseExperiment(json: unknown): Experiment {
  const x = object(json, 'experiment');
  return {
    id: text(x, 'id'),
    status: oneOf(x, 'status', EXPERIMENT_STATUSES),
    design: parseDesign(x.design),
    design_version: integer(x, 'design_version'),
    design_hash: textOrNull(x, 'design_hash'),
    locked_at: textOrNull(x, 'locked_at'),
    enrolled: integer(x, 'enrolled'),
    version: integer(x, 'version'),
    created_at: text(x, 'created_at'),
  };
}

export function parseSummary(value: unknown): ExperimentSummary {
  const x = object(value, 'experiment');
  return {
    id: text(x, 'id'),
    name: text(x, 'name'),
    status: oneOf(x, 'status', EXPERIMENT_STATUSES),
    enrolled: integer(x, 'enrolled'),
    design_version: integer(x, 'design_version'),
    created_at: text(x, 'created_at'),
  };
}

export function parseEligible(value: unknown): EligibleCitizen {
  const c = object(value, 'eligible citizen');
  return {
    case_id: text(c, 'case_id'),
    citizen_id: text(c, 'citizen_id'),
    name: textOrNull(c, 'name'),
    pseudonym: text(c, 'pseudonym'),
    age: integer(c, 'age'),
    benefit_years: number(c, 'benefit_years'),
    category: textOrNull(c, 'category'),
    stratum: text(c, 'stratum'),
  };
}

export function parseEnrolment(value: unknown): Enrolment {
  const e = object(value, 'enrolment');
  return {
    citizen_id: text(e, 'citizen_id'),
    case_id: text(e, 'case_id'),
    pseudonym: text(e, 'pseudonym'),
    name: textOrNull(e, 'name'),
    stratum: text(e, 'stratum'),
    arm: text(e, 'arm'),
    enrolled_on: text(e, 'enrolled_on'),
    consent: boolean(e, 'consent'),
    ended_on: textOrNull(e, 'ended_on'),
    end_reason: oneOfOrNull(e, 'end_reason', END_REASONS),
  };
}

/** The experiment a 409 version conflict carries as `current`, when it is one. */
export function currentExperimentOf(details: Readonly<Record<string, unknown>>): Experiment | undefined {
  if (!isObject(details.current)) return undefined;
  try {
    return parseExperiment(details.current);
  } catch {
    return undefined;
  }
}

/** The problems a 400 lists (design checks, weekly import), or none. */
export function problemsOf(details: Readonly<Record<string, unknown>>): string[] {
  const problems = details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter((problem): problem is string => typeof problem === 'string');
}
