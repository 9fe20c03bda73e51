import { Type, type Static } from '@sinclair/typebox';

// Request and response shapes of the case API. Names follow DOMAIN.md's glossary.

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Uuid = Type.String({ format: 'uuid' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const BENEFITS = ['cash_benefit', 'education_benefit', 'self_support_benefit', 'resource_course_benefit', 'sickness_benefit', 'other'] as const;
export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'letter', 'digital_post'] as const;
export const MODES = ['jobcentre', 'home', 'phone', 'video', 'elsewhere'] as const;
export const CANCELLED_BY = ['citizen', 'caseworker', 'other'] as const;
export const ACTIVITY_KINDS = [
  'cv_workshop', 'company_internship', 'wage_subsidy', 'ordinary_hours', 'coping_course', 'ips',
  'addiction_treatment', 'physiotherapy', 'social_activity', 'non_traditional',
] as const;

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const Category = literals(['job_ready', 'activity_ready'] as const);
export const Track = literals(['near_job_ready', 'step_up', 'rehab_team'] as const);
export const EventType = literals(['conversation', 'resource_conversation', 'activity', 'mentor', 'company_consultant_contact', 'rehab_team_referral'] as const);

export const CaseParams = Type.Object({ caseId: Uuid });
export const EventParams = Type.Object({ caseId: Uuid, eventId: Uuid });

export const ContactFields = {
  name: Text(200),
  address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 40, pattern: '^[0-9 +()-]*$' }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ maxLength: 320, pattern: '^$|^[^@\\s]+@[^@\\s]+$' }), Type.Null()])),
  contact_channel: Type.Optional(literals(CONTACT_CHANNELS)),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
  interpreter_needed: Type.Optional(Type.Boolean()),
};

export const RegisterBody = Type.Object(
  {
    cpr: Type.String({ minLength: 10, maxLength: 11, description: 'DDMMYY-SSSS; sent in the body, never in a URL' }),
    ...ContactFields,
    benefit: literals(BENEFITS),
    benefit_start: IsoDate,
    registered: IsoDate,
    caseworker_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const CitizenBody = Type.Object({
  id: Uuid,
  name: Type.String(),
  cpr_masked: Type.String(),
  birth_date: IsoDate,
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  contact_channel: Type.String(),
  language: Type.String(),
  interpreter_needed: Type.Boolean(),
  version: Type.Integer(),
});

const PersonRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const DeadlineBody = Type.Object({
  rule: Type.String(),
  title: Type.String(),
  title_en: Type.String(),
  due: IsoDate,
  status: literals(['met', 'late', 'open', 'overdue'] as const),
  met_on: Type.Union([IsoDate, Type.Null()]),
  basis: Type.String(),
  explanation: Type.String(),
  explanation_en: Type.String(),
});

export const CaseBody = Type.Object({
  id: Uuid,
  case_number: Type.String(),
  status: Type.String(),
  registered: IsoDate,
  benefit: Type.String(),
  benefit_start: IsoDate,
  category: Type.Union([Category, Type.Null()]),
  category_reason: Type.Union([Type.String(), Type.Null()]),
  track: Type.Union([Track, Type.Null()]),
  track_reason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  caseworker: PersonRef,
  team: Type.Union([Type.Object({ id: Uuid, name: Type.String(), caseload_cap: Type.Integer() }), Type.Null()]),
  citizen: CitizenBody,
  access: Type.Object({ write: Type.Boolean(), reassign: Type.Boolean(), via_grant: Type.Boolean() }),
  deadlines: Type.Array(DeadlineBody),
});
export type CaseBody = Static<typeof CaseBody>;

export const CaseSummary = Type.Object({
  id: Uuid,
  case_number: Type.String(),
  status: Type.String(),
  citizen_name: Type.String(),
  cpr_masked: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  track: Type.Union([Type.String(), Type.Null()]),
  registered: IsoDate,
  caseworker: PersonRef,
});

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(literals(['open', 'closed', 'all'] as const)),
  sort: Type.Optional(literals(['name', 'case_number', 'registered'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const VisitationBody = Type.Object(
  { category: Category, reason: Text(4000), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const TrackBody = Type.Object(
  { track: Track, reason: Text(4000), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const ReassignBody = Type.Object(
  { caseworker_id: Uuid, reason: Text(4000), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const ContactBody = Type.Object(
  { ...ContactFields, name: Type.Optional(Text(200)), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const EventBody = Type.Object(
  {
    type: EventType,
    date: IsoDate,
    end_date: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    held: Type.Optional(Type.Boolean()),
    mode: Type.Optional(literals(MODES)),
    cancelled_by: Type.Optional(literals(CANCELLED_BY)),
    kind: Type.Optional(literals(ACTIVITY_KINDS)),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

export const VoidBody = Type.Object({ reason: Text(2000), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const TimelineItem = Type.Object({
  id: Uuid,
  source: literals(['event', 'change'] as const),
  type: Type.String(),
  date: IsoDate,
  at: Type.String({ format: 'date-time' }),
  actor: PersonRef,
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Boolean(), Type.Null()])),
  voided: Type.Boolean(),
  version: Type.Integer(),
});

export const TimelineQuery = Type.Object({
  types: Type.Optional(Type.String({ maxLength: 300, description: 'comma-separated event types and change kinds' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const PurposeBody = Type.Object({ purpose: Text(500) }, { additionalProperties: false });
export const BreakGlassBody = Type.Object({ reason: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false });
export const CprSearchBody = Type.Object({ cpr: Type.String({ minLength: 10, maxLength: 11 }) }, { additionalProperties: false });
