// The case resource: register a citizen, find and read cases, and record what happens on them.
// Whole CPR numbers travel only in request bodies, never in a URL.
import type { Static } from '@sinclair/typebox';
import type {
  BreakGlassBody,
  BreakGlassGrant,
  CaseBody,
  CasePage,
  CloseBody,
  ContactBody,
  ContactPerson,
  CprMatch,
  CprSearchBody,
  EventBody,
  PurposeBody,
  ReassignBody,
  Reassigned,
  RegisterBody,
  ReopenBody,
  RevealedCpr,
  SearchQuery,
  TimelinePage,
  TimelineQuery,
  TrackBody,
  VisitationBody,
  VoidBody,
} from '../../server/modules/cases/schema.js';
import { queryString, type ApiClient } from './client.js';

export type {
  CaseAccessBody,
  CaseBody,
  CaseSummary,
  CitizenBody,
  ContactPerson,
  CprMatch,
  EventBody,
  RegisterBody,
  TimelineItem,
  VisitationBody,
} from '../../server/modules/cases/schema.js';
export type { Deadline } from '../../server/modules/deadlines/schema.js';

export type CaseSort = NonNullable<SearchQuery['sort']>;
export type CaseStatusFilter = NonNullable<SearchQuery['status']>;

export function registerCitizen(api: ApiClient, body: RegisterBody): Promise<CaseBody> {
  return api.request('POST', '/api/cases', { body });
}

export function searchCases(api: ApiClient, query: SearchQuery): Promise<CasePage> {
  const q = query.q?.trim();
  return api.request(
    'GET',
    `/api/cases${queryString({ status: query.status, sort: query.sort, limit: query.limit, offset: query.offset, q: q === '' ? undefined : q })}`,
  );
}

export function findCaseByCpr(api: ApiClient, cpr: string): Promise<CprMatch> {
  const body: Static<typeof CprSearchBody> = { cpr };
  return api.request('POST', '/api/cases/find-by-cpr', { body });
}

const casePath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}`;

export function fetchCase(api: ApiClient, caseId: string): Promise<CaseBody> {
  return api.request('GET', casePath(caseId));
}

export function setVisitation(api: ApiClient, caseId: string, body: VisitationBody): Promise<CaseBody> {
  return api.request('PUT', `${casePath(caseId)}/visitation`, { body });
}

export function setTrack(api: ApiClient, caseId: string, body: TrackBody): Promise<CaseBody> {
  return api.request('PUT', `${casePath(caseId)}/track`, { body });
}

export function closeCase(api: ApiClient, caseId: string, body: CloseBody): Promise<CaseBody> {
  return api.request('POST', `${casePath(caseId)}/close`, { body });
}

export function reopenCase(api: ApiClient, caseId: string, body: ReopenBody): Promise<CaseBody> {
  return api.request('POST', `${casePath(caseId)}/reopen`, { body });
}

export function updateContact(api: ApiClient, caseId: string, body: ContactBody): Promise<CaseBody> {
  return api.request('PATCH', `${casePath(caseId)}/citizen`, { body });
}

export function recordEvent(api: ApiClient, caseId: string, body: EventBody): Promise<CaseBody> {
  return api.request('POST', `${casePath(caseId)}/events`, { body });
}

export function voidEvent(api: ApiClient, caseId: string, eventId: string, body: VoidBody): Promise<CaseBody> {
  return api.request('POST', `${casePath(caseId)}/events/${encodeURIComponent(eventId)}/void`, { body });
}

export function reassignCase(api: ApiClient, caseId: string, body: ReassignBody): Promise<Reassigned> {
  return api.request('POST', `${casePath(caseId)}/reassign`, { body });
}

export function fetchTimeline(api: ApiClient, caseId: string, query: TimelineQuery): Promise<TimelinePage> {
  return api.request(
    'GET',
    `${casePath(caseId)}/timeline${queryString({ limit: query.limit, offset: query.offset, types: query.types })}`,
  );
}

export function fetchContactPersons(api: ApiClient, caseId: string): Promise<ContactPerson[]> {
  return api.request('GET', `${casePath(caseId)}/contact-persons`);
}

export function breakGlass(api: ApiClient, caseId: string, reason: string): Promise<BreakGlassGrant> {
  const body: Static<typeof BreakGlassBody> = { reason };
  return api.request('POST', `${casePath(caseId)}/break-glass`, { body });
}

export function revealCpr(api: ApiClient, caseId: string, purpose: string): Promise<Static<typeof RevealedCpr>> {
  const body: Static<typeof PurposeBody> = { purpose };
  return api.request('POST', `${casePath(caseId)}/reveal-cpr`, { body });
}
