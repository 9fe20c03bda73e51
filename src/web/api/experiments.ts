// The experiment resource: design and lock, enrol with concealed allocation, end follow-up,
// import weekly register statuses, and the report with its downloads.
import type { ApiClient } from './client.js';
import {
  parseEligible,
  parseEnrolment,
  parseExperiment,
  parseSummary,
  type Design,
  type EligibleCitizen,
  type EndReason,
  type Enrolment,
  type Experiment,
  type ExperimentSummary,
} from './experiment-records.js';
import { parseReport, type Report } from './experiment-report.js';
import { integer, list, object, paged, type Paged } from './json.js';

export type { Design, EligibleCitizen, Enrolment, Experiment, ExperimentSummary } from './experiment-records.js';

const experimentPath = (id: string): string => `/api/experiments/${encodeURIComponent(id)}`;

export function fetchExperiments(api: ApiClient): Promise<ExperimentSummary[]> {
  return api.request('GET', '/api/experiments', { parse: (json) => list(json, 'experiments', parseSummary) });
}

export function createExperiment(api: ApiClient, design: Design): Promise<Experiment> {
  return api.request('POST', '/api/experiments', { body: design, parse: parseExperiment });
}

export function fetchExperiment(api: ApiClient, id: string): Promise<Experiment> {
  return api.request('GET', experimentPath(id), { parse: parseExperiment });
}

export function updateDesign(api: ApiClient, id: string, design: Design, version: number): Promise<Experiment> {
  return api.request('PUT', experimentPath(id), { body: { ...design, version }, parse: parseExperiment });
}

/** Locks the design as the experiment's pre-registration; enrolment may begin. */
export function startEnrolment(api: ApiClient, id: string, version: number): Promise<Experiment> {
  return api.request('POST', `${experimentPath(id)}/start-enrolment`, { body: { version }, parse: parseExperiment });
}

export function closeEnrolment(api: ApiClient, id: string, version: number): Promise<Experiment> {
  return api.request('POST', `${experimentPath(id)}/close`, { body: { version }, parse: parseExperiment });
}

export interface PageQuery {
  limit: number;
  offset: number;
}

const pageParams = (query: PageQuery): string => new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) }).toString();

export function fetchEligible(api: ApiClient, id: string, query: PageQuery): Promise<Paged<EligibleCitizen>> {
  return api.request('GET', `${experimentPath(id)}/eligible?${pageParams(query)}`, { parse: (json) => paged(json, parseEligible) });
}

/** Enrols the citizen of the case; the arm is drawn by the server now and comes back in the answer. */
export function enrol(api: ApiClient, id: string, body: { case_id: string; consent: boolean }): Promise<Enrolment> {
  return api.request('POST', `${experimentPath(id)}/enrolments`, { body, parse: parseEnrolment });
}

export function fetchEnrolments(api: ApiClient, id: string, query: PageQuery): Promise<Paged<Enrolment>> {
  return api.request('GET', `${experimentPath(id)}/enrolments?${pageParams(query)}`, { parse: (json) => paged(json, parseEnrolment) });
}

export function endFollowUp(api: ApiClient, id: string, citizenId: string, body: { ended_on: string; reason: EndReason }): Promise<Enrolment> {
  return api.request('POST', `${experimentPath(id)}/enrolments/${encodeURIComponent(citizenId)}/end`, { body, parse: parseEnrolment });
}

/** Weekly statuses as CSV `citizen_id,week,status` with pseudonyms; all or nothing. */
export function importWeekly(api: ApiClient, id: string, csv: string): Promise<number> {
  return api.request('POST', `${experimentPath(id)}/weekly-import`, {
    text: { contentType: 'text/csv', content: csv },
    parse: (json) => integer(object(json, 'import'), 'imported'),
  });
}

export interface ArmPair {
  treatment?: string | undefined;
  control?: string | undefined;
}

function pairQuery(pair: ArmPair): string {
  const params = new URLSearchParams();
  if (pair.treatment !== undefined) params.set('treatment', pair.treatment);
  if (pair.control !== undefined) params.set('control', pair.control);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export function fetchReport(api: ApiClient, id: string, pair: ArmPair): Promise<Report> {
  return api.request('GET', `${experimentPath(id)}/report${pairQuery(pair)}`, { parse: parseReport });
}

export type Download = 'html' | 'pdf' | 'csv' | 'dataset' | 'codebook';

/** The address of a download; the report's files follow the chosen arms, the data set does not. */
export function downloadPath(id: string, download: Download, pair: ArmPair): string {
  switch (download) {
    case 'html':
    case 'pdf':
    case 'csv':
      return `${experimentPath(id)}/report.${download}${pairQuery(pair)}`;
    case 'dataset':
      return `${experimentPath(id)}/dataset.csv`;
    case 'codebook':
      return `${experimentPath(id)}/codebook`;
  }
}
