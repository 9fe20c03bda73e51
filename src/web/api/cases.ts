// The case resource: register a citizen, find and read cases, and record what happens on them.
// Whole CPR numbers travel only in request bodies, never in a URL.
import {
  parseCase,
  parseContactPerson,
  parseSummary,
  parseTimelineItem,
  type CaseDetail,
  type CaseSummary,
  type ContactPerson,
  type TimelineItem,
} from './case-records.js';
import type { ApiClient } from './client.js';
import { boolean, isObject, list, object, paged, text, type Paged } from './json.js';
import type { ActivityKind, Benefit, CancelledBy, Category, ContactChannel, EventType, Mode, Track } from './vocabulary.js';

export type { CaseAccess, CaseDetail, CaseSummary, Citizen, ContactPerson, Deadline, TimelineItem } from './case-records.js';

export interface ContactInput {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_channel: ContactChannel;
  language: string;
  interpreter_needed: boolean;
}

export interface RegisterInput extends ContactInput {
  cpr: string;
  benefit: Benefit;
  benefit_start: string;
  registered: string;
  /** Absent: the registering caseworker takes the case. */
  caseworker_id?: string;
}

export function registerCitizen(api: ApiClient, input: RegisterInput): Promise<CaseDetail> {
  return api.request('POST', '/api/cases', { body: input, parse: parseCase });
}

export type CaseSort = 'name' | 'case_number' | 'registered';
export type CaseStatusFilter = 'open' | 'closed' | 'all';

export interface CaseQuery {
  q: string;
  status: CaseStatusFilter;
  sort: CaseSort;
  limit: number;
  offset: number;
}

export function searchCases(api: ApiClient, query: CaseQuery): Promise<Paged<CaseSummary>> {
  const params = new URLSearchParams({ status: query.status, sort: query.sort, limit: String(query.limit), offset: String(query.offset) });
  if (query.q.trim() !== '') params.set('q', query.q.trim());
  return api.request('GET', `/api/cases?${params.toString()}`, { parse: (json) => paged(json, parseSummary) });
}

export interface CprMatch {
  caseId: string;
  inScope: boolean;
}

export function findCaseByCpr(api: ApiClient, cpr: string): Promise<CprMatch> {
  return api.request('POST', '/api/cases/find-by-cpr', {
    body: { cpr },
    parse: (json) => {
      const body = object(json, 'match');
      return { caseId: text(body, 'case_id'), inScope: boolean(body, 'in_scope') };
    },
  });
}

const casePath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}`;

export function fetchCase(api: ApiClient, caseId: string): Promise<CaseDetail> {
  return api.request('GET', casePath(caseId), { parse: parseCase });
}

export function setVisitation(api: ApiClient, caseId: string, body: { category: Category; reason: string; version: number }): Promise<CaseDetail> {
  return api.request('PUT', `${casePath(caseId)}/visitation`, { body, parse: parseCase });
}

export function setTrack(api: ApiClient, caseId: string, body: { track: Track; reason: string; version: number }): Promise<CaseDetail> {
  return api.request('PUT', `${casePath(caseId)}/track`, { body, parse: parseCase });
}

export function updateContact(api: ApiClient, caseId: string, body: ContactInput & { version: number }): Promise<CaseDetail> {
  return api.request('PATCH', `${casePath(caseId)}/citizen`, { body, parse: parseCase });
}

export interface EventInput {
  type: EventType;
  date: string;
  end_date?: string | null;
  held?: boolean;
  mode?: Mode;
  cancelled_by?: CancelledBy;
  kind?: ActivityKind;
  note?: string;
}

export function recordEvent(api: ApiClient, caseId: string, body: EventInput): Promise<CaseDetail> {
  return api.request('POST', `${casePath(caseId)}/events`, { body, parse: parseCase });
}

export function voidEvent(api: ApiClient, caseId: string, eventId: string, body: { reason: string; version: number }): Promise<CaseDetail> {
  return api.request('POST', `${casePath(caseId)}/events/${encodeURIComponent(eventId)}/void`, { body, parse: parseCase });
}

export function reassignCase(api: ApiClient, caseId: string, body: { caseworker_id: string; reason: string; version: number }): Promise<{ case: CaseDetail; overCap: boolean }> {
  return api.request('POST', `${casePath(caseId)}/reassign`, {
    body,
    parse: (json) => {
      const result = object(json, 'reassignment');
      return { case: parseCase(result.case), overCap: boolean(result, 'over_cap') };
    },
  });
}

export function fetchTimeline(api: ApiClient, caseId: string, options: { types: readonly string[]; limit: number; offset: number }): Promise<Paged<TimelineItem>> {
  const params = new URLSearchParams({ limit: String(options.limit), offset: String(options.offset) });
  if (options.types.length > 0) params.set('types', options.types.join(','));
  return api.request('GET', `${casePath(caseId)}/timeline?${params.toString()}`, { parse: (json) => paged(json, parseTimelineItem) });
}

export function fetchContactPersons(api: ApiClient, caseId: string): Promise<ContactPerson[]> {
  return api.request('GET', `${casePath(caseId)}/contact-persons`, { parse: (json) => list(json, 'contact persons', parseContactPerson) });
}

export function breakGlass(api: ApiClient, caseId: string, reason: string): Promise<{ expiresAt: string }> {
  return api.request('POST', `${casePath(caseId)}/break-glass`, {
    body: { reason },
    parse: (json) => ({ expiresAt: text(object(json, 'grant'), 'expires_at') }),
  });
}

export function revealCpr(api: ApiClient, caseId: string, purpose: string): Promise<string> {
  return api.request('POST', `${casePath(caseId)}/reveal-cpr`, { body: { purpose }, parse: (json) => text(object(json, 'cpr'), 'cpr') });
}

/** The case a 409 version conflict carries as `current`, when it is a whole case. */
export function currentCaseOf(details: Readonly<Record<string, unknown>>): CaseDetail | undefined {
  if (!isObject(details.current)) return undefined;
  try {
    return parseCase(details.current);
  } catch {
    return undefined;
  }
}
