// The fixed values of the case API (src/server/modules/cases/schema.ts), named as in the
// glossary. The UI names each one through i18n (`vocabulary.<group>.<value>`).

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

/** Changes to the case itself, shown in the timeline beside the events. */
export const CHANGE_KINDS = ['registered', 'category', 'track', 'reassigned', 'closed', 'note', 'break_glass'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

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

export const DEADLINE_STATUSES = ['met', 'late', 'open', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Conversation types: they carry held, mode and who cancelled. */
export function isConversation(type: EventType): boolean {
  return type === 'conversation' || type === 'resource_conversation';
}

/** Event types that run over a period and may carry an end date. */
export function hasPeriod(type: EventType): boolean {
  return type === 'activity' || type === 'mentor';
}

/** Languages offered for the citizen; the server accepts any ISO 639 code. Named through Intl. */
export const CITIZEN_LANGUAGES = ['da', 'en', 'ar', 'de', 'fa', 'pl', 'ro', 'so', 'ti', 'tr', 'uk', 'ur'] as const;
