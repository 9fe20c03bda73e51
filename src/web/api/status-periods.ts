// Status periods on a case: what the citizen was doing from when to when (ordinary job,
// internship, …). They are the one source of an experiment's weekly outcomes.
import type { ApiClient } from './client.js';
import { boolean, integer, list, object, oneOf, text, textOrNull } from './json.js';

/** In the order of precedence when periods overlap a week, highest first. */
export const PERIOD_STATUSES = ['ordinary_job', 'flexjob', 'subsidised_hours', 'education', 'internship', 'active_measure'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export interface StatusPeriod {
  id: string;
  status: PeriodStatus;
  start_date: string;
  end_date: string | null;
  source: string;
  note: string | null;
  voided: boolean;
  version: number;
}

export interface StatusPeriodInput {
  status: PeriodStatus;
  start_date: string;
  end_date?: string;
  note?: string;
}

export function parseStatusPeriod(value: unknown): StatusPeriod {
  const p = object(value, 'status period');
  return {
    id: text(p, 'id'),
    status: oneOf(p, 'status', PERIOD_STATUSES),
    start_date: text(p, 'start_date'),
    end_date: textOrNull(p, 'end_date'),
    source: text(p, 'source'),
    note: textOrNull(p, 'note'),
    voided: boolean(p, 'voided'),
    version: integer(p, 'version'),
  };
}

const periodsPath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}/status-periods`;
const parsePeriods = (json: unknown): StatusPeriod[] => list(json, 'status periods', parseStatusPeriod);

export function fetchStatusPeriods(api: ApiClient, caseId: string): Promise<StatusPeriod[]> {
  return api.request('GET', periodsPath(caseId), { parse: parsePeriods });
}

export function addStatusPeriod(api: ApiClient, caseId: string, body: StatusPeriodInput): Promise<StatusPeriod[]> {
  return api.request('POST', periodsPath(caseId), { body, parse: parsePeriods });
}

export function endStatusPeriod(api: ApiClient, caseId: string, periodId: string, body: { end_date: string; version: number }): Promise<StatusPeriod[]> {
  return api.request('POST', `${periodsPath(caseId)}/${encodeURIComponent(periodId)}/end`, { body, parse: parsePeriods });
}

export function voidStatusPeriod(api: ApiClient, caseId: string, periodId: string, body: { reason: string; version: number }): Promise<StatusPeriod[]> {
  return api.request('POST', `${periodsPath(caseId)}/${encodeURIComponent(periodId)}/void`, { body, parse: parsePeriods });
}
