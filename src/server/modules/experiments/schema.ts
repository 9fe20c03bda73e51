import { Type, type Static } from '@sinclair/typebox';
import type { Report } from '../../../core/experiments/report.js';
import { CATEGORIES, END_REASONS, EXPERIMENT_STATUSES, MODES, OUTCOMES } from '../../../core/vocabulary.js';
import { Instant, IsoDate, literals, Nullable, Paged, PageQuery, Uuid, Version } from '../../http/schemas.js';

// Request and response shapes of the experiment API (forsøg, arme, indsatsgruppe/kontrolgruppe).

export const ExperimentParams = Type.Object({ experimentId: Uuid });
export const EnrolmentParams = Type.Object({ experimentId: Uuid, citizenId: Uuid });

export const Arm = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'short code, e.g. group1 or control',
    }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
    description: Type.String({ maxLength: 2000, description: 'what the arm gets' }),
    caseload_cap: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()])),
    self_budget_ore: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    meeting_modes: Type.Optional(Type.Array(literals(MODES), { maxItems: 5 })),
  },
  { additionalProperties: false },
);

export const Eligibility = Type.Object(
  {
    categories: Type.Array(literals(CATEGORIES), { maxItems: 2 }),
    min_age: Type.Optional(Type.Union([Type.Integer({ minimum: 15, maximum: 80 }), Type.Null()])),
    max_age: Type.Optional(Type.Union([Type.Integer({ minimum: 15, maximum: 80 }), Type.Null()])),
    min_benefit_years: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 50 }), Type.Null()])),
    max_benefit_years: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 50 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** Strata: age bands × years-on-benefit bands, given as the lower limits of every band but the first. */
export const Strata = Type.Object(
  {
    age_cuts: Type.Array(Type.Integer({ minimum: 16, maximum: 80 }), {
      maxItems: 6,
      description: 'e.g. [40, 50] gives under 40, 40–49, 50+',
    }),
    benefit_year_cuts: Type.Array(Type.Number({ minimum: 0.5, maximum: 30 }), {
      maxItems: 6,
      description: 'e.g. [3, 5] gives under 3, 3–5, 5+ years',
    }),
  },
  { additionalProperties: false },
);

export const Design = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    question: Type.String({ minLength: 1, maxLength: 4000 }),
    arms: Type.Array(Arm, { minItems: 2, maxItems: 6 }),
    control_arm: Type.String({ minLength: 1, maxLength: 40 }),
    eligibility: Eligibility,
    strata: Strata,
    follow_up_weeks: Type.Integer({ minimum: 1, maximum: 520 }),
    primary_outcome: literals(OUTCOMES),
    secondary_outcomes: Type.Array(literals(OUTCOMES), { maxItems: 9 }),
    consent_required: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Design = Static<typeof Design>;

export const DesignUpdate = Type.Composite([Design, Type.Object({ version: Version })], {
  additionalProperties: false,
});
export type DesignUpdate = Static<typeof DesignUpdate>;
export type Arm = Static<typeof Arm>;
export type Eligibility = Static<typeof Eligibility>;

export const ExperimentBody = Type.Object({
  id: Uuid,
  status: literals(EXPERIMENT_STATUSES),
  design: Design,
  design_version: Type.Integer(),
  design_hash: Nullable(Type.String()),
  locked_at: Nullable(Instant),
  seed_id: Nullable(Type.String()),
  enrolled: Type.Integer(),
  version: Type.Integer(),
  created_at: Instant,
});
export type ExperimentBody = Static<typeof ExperimentBody>;

export const ExperimentSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: literals(EXPERIMENT_STATUSES),
  enrolled: Type.Integer(),
  design_version: Type.Integer(),
  created_at: Instant,
});
export type ExperimentSummary = Static<typeof ExperimentSummary>;

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const EligibleCitizen = Type.Object({
  case_id: Uuid,
  citizen_id: Uuid,
  /** Names only for staff who may read the case; analysts get pseudonyms. */
  name: Nullable(Type.String()),
  pseudonym: Type.String(),
  age: Type.Integer(),
  benefit_years: Type.Number(),
  category: Nullable(literals(CATEGORIES)),
  stratum: Type.String(),
});
export type EligibleCitizen = Static<typeof EligibleCitizen>;
export const EligiblePage = Paged(EligibleCitizen);

export const ListQuery = PageQuery(100, 500);

export const EnrolBody = Type.Object({ case_id: Uuid, consent: Type.Boolean() }, { additionalProperties: false });
export type EnrolBody = Static<typeof EnrolBody>;

export const Enrolment = Type.Object({
  citizen_id: Uuid,
  case_id: Uuid,
  pseudonym: Type.String(),
  name: Nullable(Type.String()),
  stratum: Type.String(),
  arm: Type.String(),
  block: Type.Integer(),
  enrolled_on: IsoDate,
  consent: Type.Boolean(),
  ended_on: Nullable(IsoDate),
  end_reason: Nullable(literals(END_REASONS)),
});
export type Enrolment = Static<typeof Enrolment>;
export const EnrolmentPage = Paged(Enrolment);

export const EndBody = Type.Object(
  { ended_on: IsoDate, reason: literals(END_REASONS) },
  { additionalProperties: false },
);
export type EndBody = Static<typeof EndBody>;

export const ReportQuery = Type.Object({
  treatment: Type.Optional(Type.String({ maxLength: 40 })),
  control: Type.Optional(Type.String({ maxLength: 40 })),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const Imported = Type.Object({ imported: Type.Integer() });

/** Which experiment and design version a report is about. */
export interface ReportHeading {
  id: string;
  name: string;
  question: string;
  design_version: number;
  design_hash: string | null;
  locked_at: string | null;
  primary_outcome: (typeof OUTCOMES)[number];
}

/** The report as the API answers it: the heading and the arms compared, around core's Report. */
export interface ReportResponse extends Report {
  experiment: ReportHeading;
  as_of: string;
  treatment: string;
  control: string;
}

/**
 * The report: { experiment, as_of, treatment, control, interim, flow, evaluation, curves }, where
 * evaluation is the object `medspiller evaluate` prints (shared/contracts/evaluation.md), or null
 * while either arm has nobody followed a whole week. Described loosely: its inner shape is the contract's.
 */
export const ReportBody = Type.Unsafe<ReportResponse>({
  type: 'object',
  additionalProperties: true,
  description: 'see shared/contracts/evaluation.md for `evaluation`',
});
