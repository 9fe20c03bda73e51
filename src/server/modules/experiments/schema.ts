import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Uuid } from '../cases/schema.js';

// Request and response shapes of the experiment API (forsøg, arme, indsatsgruppe/kontrolgruppe).

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const WEEK_STATUSES = ['none', 'active_measure', 'internship', 'subsidised_hours', 'flexjob', 'education', 'ordinary_job'] as const;
export const PERIOD_STATUSES = ['active_measure', 'internship', 'subsidised_hours', 'flexjob', 'education', 'ordinary_job'] as const;
export const OUTCOMES = ['ever_ordinary_job', 'ever_flexjob', 'ever_internship', 'ever_job_or_education', 'zero_employment_degree', 'employment_degree', 'active_share', 'internship_weeks', 'time_to_first_job'] as const;
export const END_REASONS = ['moved', 'died', 'withdrew'] as const;
export const EXPERIMENT_STATUSES = ['draft', 'enrolling', 'closed'] as const;

export const ExperimentParams = Type.Object({ experimentId: Uuid });
export const EnrolmentParams = Type.Object({ experimentId: Uuid, citizenId: Uuid });

export const Arm = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$', description: 'short code, e.g. group1 or control' }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
    description: Type.String({ maxLength: 2000, description: 'what the arm gets' }),
    caseload_cap: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()])),
    self_budget_ore: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    meeting_modes: Type.Optional(Type.Array(literals(['jobcentre', 'home', 'phone', 'video', 'elsewhere'] as const), { maxItems: 5 })),
  },
  { additionalProperties: false },
);

export const Eligibility = Type.Object(
  {
    categories: Type.Array(literals(['job_ready', 'activity_ready'] as const), { maxItems: 2 }),
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
    age_cuts: Type.Array(Type.Integer({ minimum: 16, maximum: 80 }), { maxItems: 6, description: 'e.g. [40, 50] gives under 40, 40–49, 50+' }),
    benefit_year_cuts: Type.Array(Type.Number({ minimum: 0.5, maximum: 30 }), { maxItems: 6, description: 'e.g. [3, 5] gives under 3, 3–5, 5+ years' }),
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

export const DesignUpdate = Type.Composite([Design, Type.Object({ version: Type.Integer({ minimum: 1 }) })], { additionalProperties: false });

export const ExperimentBody = Type.Object({
  id: Uuid,
  status: literals(EXPERIMENT_STATUSES),
  design: Design,
  design_version: Type.Integer(),
  design_hash: Type.Union([Type.String(), Type.Null()]),
  locked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  seed_id: Type.Union([Type.String(), Type.Null()]),
  enrolled: Type.Integer(),
  version: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
});
export type ExperimentBody = Static<typeof ExperimentBody>;

export const ExperimentSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: literals(EXPERIMENT_STATUSES),
  enrolled: Type.Integer(),
  design_version: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
});

export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const EligibleCitizen = Type.Object({
  case_id: Uuid,
  citizen_id: Uuid,
  /** Names only for staff who may read the case; analysts get pseudonyms. */
  name: Type.Union([Type.String(), Type.Null()]),
  pseudonym: Type.String(),
  age: Type.Integer(),
  benefit_years: Type.Number(),
  category: Type.Union([Type.String(), Type.Null()]),
  stratum: Type.String(),
});

export const EnrolBody = Type.Object({ case_id: Uuid, consent: Type.Boolean() }, { additionalProperties: false });

export const Enrolment = Type.Object({
  citizen_id: Uuid,
  case_id: Uuid,
  pseudonym: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  stratum: Type.String(),
  arm: Type.String(),
  block: Type.Integer(),
  enrolled_on: IsoDate,
  consent: Type.Boolean(),
  ended_on: Type.Union([IsoDate, Type.Null()]),
  end_reason: Type.Union([literals(END_REASONS), Type.Null()]),
});

export const EndBody = Type.Object({ ended_on: IsoDate, reason: literals(END_REASONS) }, { additionalProperties: false });

export const StatusPeriodBody = Type.Object(
  { status: literals(PERIOD_STATUSES), start_date: IsoDate, end_date: Type.Optional(Type.Union([IsoDate, Type.Null()])), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const StatusPeriod = Type.Object({
  id: Uuid,
  status: literals(PERIOD_STATUSES),
  start_date: IsoDate,
  end_date: Type.Union([IsoDate, Type.Null()]),
  source: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  voided: Type.Boolean(),
  version: Type.Integer(),
});
export const PeriodParams = Type.Object({ caseId: Uuid, periodId: Uuid });
export const EndPeriodBody = Type.Object({ end_date: IsoDate, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ReportQuery = Type.Object({
  treatment: Type.Optional(Type.String({ maxLength: 40 })),
  control: Type.Optional(Type.String({ maxLength: 40 })),
});

/**
 * The report: { experiment, as_of, treatment, control, interim, flow, evaluation, curves }, where
 * evaluation is the object `medspiller evaluate` prints (shared/contracts/evaluation.md), or null
 * while either arm has nobody followed a whole week. Described loosely: its inner shape is the contract's.
 */
export const ReportBody = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'see shared/contracts/evaluation.md for `evaluation`' });
