import { Type, type Static } from '@sinclair/typebox';
import {
  ACTIVITY_KINDS,
  BENEFITS,
  CANCELLED_BY,
  CASE_STATUSES,
  CATEGORIES,
  CHANGE_KINDS,
  CLOSE_REASONS,
  CONTACT_CHANNELS,
  EVENT_TYPES,
  MODES,
  TRACKS,
} from '../../../core/vocabulary.js';
import { ROLES } from '../../../core/access/roles.js';
import {
  Instant,
  IsoDate,
  literals,
  Nullable,
  Paged,
  PageQuery,
  PersonRef,
  Text,
  Uuid,
  Version,
} from '../../http/schemas.js';
import { Deadline } from '../deadlines/schema.js';

// Request and response shapes of the case API. Names follow DOMAIN.md's glossary.

export const CaseParams = Type.Object({ caseId: Uuid });
export const EventParams = Type.Object({ caseId: Uuid, eventId: Uuid });

export const Category = literals(CATEGORIES);
export const Track = literals(TRACKS);

export const ContactFields = {
  name: Text(200),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +()-]*$' }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 320, pattern: '^$|^[^@\\s]+@[^@\\s]+$' }))),
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
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  contact_channel: literals(CONTACT_CHANNELS),
  language: Type.String(),
  interpreter_needed: Type.Boolean(),
  version: Type.Integer(),
});
export type CitizenBody = Static<typeof CitizenBody>;

/** What the caller may do with the case; the web app shows only the buttons that work. */
export const CaseAccessBody = Type.Object({
  write: Type.Boolean(),
  reassign: Type.Boolean(),
  close: Type.Boolean({ description: 'close or reopen the case: its caseworker and the leader of its team' }),
  via_grant: Type.Boolean(),
});
export type CaseAccessBody = Static<typeof CaseAccessBody>;

export const CaseBody = Type.Object({
  id: Uuid,
  case_number: Type.String(),
  status: literals(CASE_STATUSES),
  registered: IsoDate,
  benefit: literals(BENEFITS),
  benefit_start: IsoDate,
  category: Nullable(Category),
  category_reason: Nullable(Type.String()),
  track: Nullable(Track),
  track_reason: Nullable(Type.String()),
  closed_on: Nullable(IsoDate),
  close_reason: Nullable(literals(CLOSE_REASONS)),
  close_reason_text: Nullable(Type.String()),
  version: Type.Integer(),
  caseworker: Nullable(PersonRef),
  team: Nullable(Type.Object({ id: Uuid, name: Type.String(), caseload_cap: Type.Integer() })),
  citizen: CitizenBody,
  access: CaseAccessBody,
  deadlines: Type.Array(Deadline),
});
export type CaseBody = Static<typeof CaseBody>;

export const CaseSummary = Type.Object({
  id: Uuid,
  case_number: Type.String(),
  status: literals(CASE_STATUSES),
  citizen_name: Type.String(),
  cpr_masked: Type.String(),
  category: Nullable(Category),
  track: Nullable(Track),
  registered: IsoDate,
  caseworker: Nullable(PersonRef),
});
export type CaseSummary = Static<typeof CaseSummary>;
export const CasePage = Paged(CaseSummary);
export type CasePage = Static<typeof CasePage>;

export const SearchQuery = Type.Composite([
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(literals(['open', 'closed', 'all'] as const)),
    sort: Type.Optional(literals(['name', 'case_number', 'registered'] as const)),
  }),
  PageQuery(50, 200),
]);
export type SearchQuery = Static<typeof SearchQuery>;

export const VisitationBody = Type.Object(
  {
    category: Category,
    track: Type.Optional(
      literals(TRACKS, {
        description: 'required when category is activity_ready; must be left out when it is job_ready',
      }),
    ),
    reason: Text(4000),
    version: Version,
  },
  {
    additionalProperties: false,
    description:
      'The visitation and, for an activity-ready citizen, the track: one decision with one reason, saved at once ' +
      '(one new version). `track` is required when `category` is `activity_ready` and must be left out when it is ' +
      '`job_ready`; otherwise 400 with a message that starts with `track:`. A job-ready visitation ends the ' +
      "case's track. The reason is kept as the reason of both the category and the track.",
  },
);
export type VisitationBody = Static<typeof VisitationBody>;
export const TrackBody = Type.Object(
  { track: Track, reason: Text(4000), version: Version },
  {
    additionalProperties: false,
    description: 'A new track for a citizen already visited as activity-ready, with its own reason.',
  },
);
export type TrackBody = Static<typeof TrackBody>;
export const ReassignBody = Type.Object(
  { caseworker_id: Uuid, reason: Text(4000), version: Version },
  { additionalProperties: false },
);
export type ReassignBody = Static<typeof ReassignBody>;
export const Reassigned = Type.Object({ case: CaseBody, over_cap: Type.Boolean() });
export type Reassigned = Static<typeof Reassigned>;
export const CloseBody = Type.Object(
  {
    reason_category: literals(CLOSE_REASONS),
    reason: Text(4000),
    closed_on: IsoDate,
    version: Version,
  },
  {
    additionalProperties: false,
    description:
      'Closes an open case: why (a category and the reason in words) and the day it ended, not in the future and ' +
      'not before the case was registered. A closed case has no deadlines and takes no changes (409 `case_closed`) ' +
      'until it is reopened; 409 `case_closed` also when it is closed already.',
  },
);
export type CloseBody = Static<typeof CloseBody>;
export const ReopenBody = Type.Object(
  { reason: Text(4000), version: Version },
  {
    additionalProperties: false,
    description:
      'Reopens a closed case, with the reason: its deadlines are evaluated again. 409 `conflict` when the case ' +
      'is open, or when the citizen has another open case.',
  },
);
export type ReopenBody = Static<typeof ReopenBody>;
export const ContactBody = Type.Object(
  { ...ContactFields, name: Type.Optional(Text(200)), version: Version },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBody>;

export const EventBody = Type.Object(
  {
    type: literals(EVENT_TYPES),
    date: IsoDate,
    end_date: Type.Optional(Nullable(IsoDate)),
    held: Type.Optional(Type.Boolean()),
    mode: Type.Optional(literals(MODES)),
    cancelled_by: Type.Optional(literals(CANCELLED_BY)),
    kind: Type.Optional(literals(ACTIVITY_KINDS)),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

export const VoidBody = Type.Object({ reason: Text(2000), version: Version }, { additionalProperties: false });
export type VoidBody = Static<typeof VoidBody>;

export const TimelineItem = Type.Object({
  id: Uuid,
  source: literals(['event', 'change'] as const),
  type: literals([...EVENT_TYPES, ...CHANGE_KINDS], { description: 'an event type or a change kind' }),
  date: IsoDate,
  at: Instant,
  actor: Nullable(PersonRef),
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Boolean(), Type.Null()])),
  voided: Type.Boolean(),
  version: Type.Integer(),
});
export type TimelineItem = Static<typeof TimelineItem>;
export const TimelinePage = Paged(TimelineItem);
export type TimelinePage = Static<typeof TimelinePage>;

export const TimelineQuery = Type.Composite([
  Type.Object({
    types: Type.Optional(Type.String({ maxLength: 300, description: 'comma-separated event types and change kinds' })),
  }),
  PageQuery(100, 500),
]);
export type TimelineQuery = Static<typeof TimelineQuery>;

export const ContactPerson = Type.Object({ id: Uuid, name: Type.String(), roles: Type.Array(literals(ROLES)) });
export type ContactPerson = Static<typeof ContactPerson>;

export const PurposeBody = Type.Object({ purpose: Text(500) }, { additionalProperties: false });
export const RevealedCpr = Type.Object({ cpr: Type.String() });
export const BreakGlassBody = Type.Object(
  { reason: Type.String({ minLength: 10, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const BreakGlassGrant = Type.Object({ expires_at: Instant });
export type BreakGlassGrant = Static<typeof BreakGlassGrant>;
export const CprSearchBody = Type.Object(
  { cpr: Type.String({ minLength: 10, maxLength: 11 }) },
  { additionalProperties: false },
);
export const CprMatch = Type.Object({ case_id: Uuid, in_scope: Type.Boolean() });
export type CprMatch = Static<typeof CprMatch>;
/** A citizen found by whole CPR number for the data-protection officer: enough to know it is the right person. */
export const CitizenMatch = Type.Object({ citizen_id: Uuid, name: Type.String(), cpr_masked: Type.String() });
export type CitizenMatch = Static<typeof CitizenMatch>;
