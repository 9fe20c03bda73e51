// The experiment resource: design and lock, enrol with concealed allocation, end follow-up,
// import weekly register statuses, and the report with its downloads.
import type { Static } from '@sinclair/typebox';
import type {
  Design,
  DesignUpdate,
  EligiblePage,
  EndBody,
  EnrolBody,
  Enrolment,
  EnrolmentPage,
  ExperimentBody,
  ExperimentSummary,
  Imported,
  ListQuery,
  ReportQuery,
  ReportResponse,
  VersionBody,
} from '../../server/modules/experiments/schema.js';
import { queryString, type ApiClient } from './client.js';

export type {
  Arm,
  Design,
  EligibleCitizen,
  Enrolment,
  ExperimentBody,
  ExperimentSummary,
  ReportQuery,
  ReportResponse,
} from '../../server/modules/experiments/schema.js';

/** The report's evaluation (the object `medspiller evaluate` prints) and its parts. */
export type Evaluation = NonNullable<ReportResponse['evaluation']>;
export type Interval = Evaluation['outcomes']['time_to_first_job']['ci95'];
export type ArmFlow = ReportResponse['flow']['arms'][number];
export type CurvePoint = ReportResponse['curves']['arms'][number]['points'][number];

export type PageQuery = Static<typeof ListQuery>;

const experimentPath = (id: string): string => `/api/experiments/${encodeURIComponent(id)}`;

export function fetchExperiments(api: ApiClient): Promise<ExperimentSummary[]> {
  return api.request('GET', '/api/experiments');
}

export function createExperiment(api: ApiClient, body: Design): Promise<ExperimentBody> {
  return api.request('POST', '/api/experiments', { body });
}

export function fetchExperiment(api: ApiClient, id: string): Promise<ExperimentBody> {
  return api.request('GET', experimentPath(id));
}

export function updateDesign(api: ApiClient, id: string, design: Design, version: number): Promise<ExperimentBody> {
  const body: DesignUpdate = { ...design, version };
  return api.request('PUT', experimentPath(id), { body });
}

/** Locks the design as the experiment's pre-registration; enrolment may begin. */
export function startEnrolment(api: ApiClient, id: string, version: number): Promise<ExperimentBody> {
  const body: Static<typeof VersionBody> = { version };
  return api.request('POST', `${experimentPath(id)}/start-enrolment`, { body });
}

export function closeEnrolment(api: ApiClient, id: string, version: number): Promise<ExperimentBody> {
  const body: Static<typeof VersionBody> = { version };
  return api.request('POST', `${experimentPath(id)}/close`, { body });
}

export function fetchEligible(api: ApiClient, id: string, query: PageQuery): Promise<Static<typeof EligiblePage>> {
  return api.request(
    'GET',
    `${experimentPath(id)}/eligible${queryString({ limit: query.limit, offset: query.offset })}`,
  );
}

/** Enrols the citizen of the case; the arm is drawn by the server now and comes back in the answer. */
export function enrol(api: ApiClient, id: string, body: EnrolBody): Promise<Enrolment> {
  return api.request('POST', `${experimentPath(id)}/enrolments`, { body });
}

export function fetchEnrolments(api: ApiClient, id: string, query: PageQuery): Promise<Static<typeof EnrolmentPage>> {
  return api.request(
    'GET',
    `${experimentPath(id)}/enrolments${queryString({ limit: query.limit, offset: query.offset })}`,
  );
}

export function endFollowUp(api: ApiClient, id: string, citizenId: string, body: EndBody): Promise<Enrolment> {
  return api.request('POST', `${experimentPath(id)}/enrolments/${encodeURIComponent(citizenId)}/end`, { body });
}

/** Weekly statuses as CSV `citizen_id,week,status` with pseudonyms; all or nothing. */
export function importWeekly(api: ApiClient, id: string, csv: string): Promise<Static<typeof Imported>> {
  return api.request('POST', `${experimentPath(id)}/weekly-import`, {
    text: { contentType: 'text/csv', content: csv },
  });
}

const pairQuery = (pair: ReportQuery): string => queryString({ treatment: pair.treatment, control: pair.control });

export function fetchReport(api: ApiClient, id: string, pair: ReportQuery): Promise<ReportResponse> {
  return api.request('GET', `${experimentPath(id)}/report${pairQuery(pair)}`);
}

export type Download = 'html' | 'pdf' | 'csv' | 'dataset' | 'codebook';

/** The address of a download; the report's files follow the chosen arms, the data set does not. */
export function downloadPath(id: string, download: Download, pair: ReportQuery): string {
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
