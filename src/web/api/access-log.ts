// Who has read or changed a citizen's data, as the data-protection officer sees it. The officer
// names the citizen by whole CPR number, sent in a request body, never in a URL.
import type { Static } from '@sinclair/typebox';
import type { AccessEvent, AccessLogQuery } from '../../server/modules/audit/schema.js';
import type { CitizenMatch, CprSearchBody } from '../../server/modules/cases/schema.js';
import { queryString, type ApiClient } from './client.js';

export type { AccessEvent, AccessLogQuery } from '../../server/modules/audit/schema.js';
export type { CitizenMatch } from '../../server/modules/cases/schema.js';

export function fetchCitizenAccessLog(
  api: ApiClient,
  citizenId: string,
  query: AccessLogQuery,
): Promise<AccessEvent[]> {
  const page = queryString({ limit: query.limit, before: query.before });
  return api.request('GET', `/api/citizens/${encodeURIComponent(citizenId)}/access-log${page}`);
}

export function findCitizenByCpr(api: ApiClient, cpr: string): Promise<CitizenMatch> {
  const body: Static<typeof CprSearchBody> = { cpr };
  return api.request('POST', '/api/citizens/find-by-cpr', { body });
}
