// What is about the logged-in person themselves: a citizen's own case and who has seen their
// data, and anyone's own password.
import type { AccessEvent, AccessLogQuery } from '../../server/modules/audit/schema.js';
import type { CaseBody } from '../../server/modules/cases/schema.js';
import type { PasswordChange } from '../../server/modules/users/schema.js';
import { queryString, type ApiClient } from './client.js';

export function fetchMyCase(api: ApiClient): Promise<CaseBody> {
  return api.request('GET', '/api/me/case');
}

export function fetchMyAccessLog(api: ApiClient, query: AccessLogQuery): Promise<AccessEvent[]> {
  return api.request('GET', `/api/me/access-log${queryString({ limit: query.limit, before: query.before })}`);
}

/** Ends the person's other sessions too. */
export function changeMyPassword(api: ApiClient, body: PasswordChange): Promise<void> {
  return api.request('PUT', '/api/me/password', { body });
}
