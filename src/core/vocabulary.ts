// The fixed values of Medspiller, named as in DOMAIN.md's glossary and defined here once: the
// server's TypeBox schemas, the web app and the database's CHECK constraints all use these lists
// (test/integration/vocabulary.test.ts compares the migrations' CHECK lists with them).

export const BENEFITS = [
  'cash_benefit',
  'education_benefit',
  'self_support_benefit',
  'resource_course_benefit',
  'sickness_benefit',
  'other',
] as const;
export type Benefit = (typeof BENEFITS)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'letter', 'digital_post'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed; the caseworker writes the reason in their own words beside it. */
export const CLOSE_REASONS = ['job', 'education', 'moved', 'other_benefit', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Visitation category. */
export const CATEGORIES = ['job_ready', 'activity_ready'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TRACKS = ['near_job_ready', 'step_up', 'rehab_team'] as const;
export type Track = (typeof TRACKS)[number];

export const EVENT_TYPES = [
  'conversation',
  'resource_conversation',
  'activity',
  'mentor',
  'company_consultant_contact',
  'rehab_team_referral',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event types that are conversations: they carry held, mode and who cancelled. */
export const CONVERSATION_TYPES = ['conversation', 'resource_conversation'] as const satisfies readonly EventType[];
/** Event types that run over a period: a start (`date`) and an optional end. */
export const SPAN_TYPES = ['activity', 'mentor'] as const satisfies readonly EventType[];

export const MODES = ['jobcentre', 'home', 'phone', 'video', 'elsewhere'] as const;
export type Mode = (typeof MODES)[number];

export const CANCELLED_BY = ['citizen', 'caseworker', 'other'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export const ACTIVITY_KINDS = [
  'cv_workshop',
  'company_internship',
  'wage_subsidy',
  'ordinary_hours',
  'coping_course',
  'ips',
  'addiction_treatment',
  'physiotherapy',
  'social_activity',
  'non_traditional',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Changes to the case itself, kept in case_change and shown in the timeline beside the events. */
export const CHANGE_KINDS = [
  'registered',
  'category',
  'track',
  'reassigned',
  'closed',
  'reopened',
  'note',
  'break_glass',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const DEADLINE_STATUSES = ['met', 'late', 'open', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** The work queue holds unmet deadlines only. */
export const QUEUE_STATUSES = ['open', 'overdue'] as const satisfies readonly DeadlineStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** What the work queue's citizens can be sorted by (src/core/cases/queue.ts says how). */
export const QUEUE_SORTS = ['urgency', 'name', 'case_number', 'caseworker'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const USER_KINDS = ['staff', 'citizen'] as const;
export type UserKind = (typeof USER_KINDS)[number];

// Experiments.

export const EXPERIMENT_STATUSES = ['draft', 'enrolling', 'closed'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** A citizen's status in one follow-up week. */
export const WEEK_STATUSES = [
  'none',
  'active_measure',
  'internship',
  'subsidised_hours',
  'flexjob',
  'education',
  'ordinary_job',
] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number];

/**
 * What a status period records, in the order of precedence when periods overlap a week,
 * highest first (the report's and the data set's rule; see README "Weekly outcomes").
 */
export const PERIOD_STATUSES = [
  'ordinary_job',
  'flexjob',
  'subsidised_hours',
  'education',
  'internship',
  'active_measure',
] as const satisfies readonly WeekStatus[];
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_SOURCES = ['caseworker', 'activity', 'import'] as const;
export type PeriodSource = (typeof PERIOD_SOURCES)[number];

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

/** Why follow-up ended early. */
export const END_REASONS = ['moved', 'died', 'withdrew'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Languages offered for the citizen; the server accepts any ISO 639 code. */
export const CITIZEN_LANGUAGES = ['da', 'en', 'ar', 'de', 'fa', 'pl', 'ro', 'so', 'ti', 'tr', 'uk', 'ur'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
