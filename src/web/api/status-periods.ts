// Status periods on a case: what the citizen was doing from when to when (ordinary job,
// internship, …). They are the one source of an experiment's weekly outcomes.
import type { VoidBody } from '../../server/modules/cases/schema.js';
import type { EndPeriodInput, StatusPeriod, StatusPeriodInput } from '../../server/modules/status-periods/schema.js';
import type { ApiClient } from './client.js';

export type { StatusPeriod, StatusPeriodInput } from '../../server/modules/status-periods/schema.js';

const periodsPath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}/status-periods`;

export function fetchStatusPeriods(api: ApiClient, caseId: string): Promise<StatusPeriod[]> {
  return api.request('GET', periodsPath(caseId));
}

export function addStatusPeriod(api: ApiClient, caseId: string, body: StatusPeriodInput): Promise<StatusPeriod[]> {
  return api.request('POST', periodsPath(caseId), { body });
}

export function endStatusPeriod(
  api: ApiClient,
  caseId: string,
  periodId: string,
  body: EndPeriodInput,
): Promise<StatusPeriod[]> {
  return api.request('POST', `${periodsPath(caseId)}/${encodeURIComponent(periodId)}/end`, { body });
}

export function voidStatusPeriod(
  api: ApiClient,
  caseId: string,
  periodId: string,
  body: VoidBody,
): Promise<StatusPeriod[]> {
  return api.request('POST', `${periodsPath(caseId)}/${encodeURIComponent(periodId)}/void`, { body });
}
