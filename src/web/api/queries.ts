// What the pages read, as TanStack Query options: one key per resource, so a change can say
// which lists and details are stale. Keys nest by owner (a case's timeline sits under the
// case), so invalidating ['case', id] refreshes everything shown on that case's pages.
import { QueryClient, queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './browser.js';
import { fetchCase, fetchContactPersons, fetchTimeline, searchCases, type CaseBody } from './cases.js';
import type { SearchQuery, TimelineQuery } from '../../server/modules/cases/schema.js';
import { ApiError } from './client.js';
import {
  fetchEligible,
  fetchEnrolments,
  fetchExperiment,
  fetchExperiments,
  fetchReport,
  type PageQuery,
} from './experiments.js';
import { fetchCitizenAccessLog, type AccessLogQuery } from './access-log.js';
import { fetchMyAccessLog, fetchMyCase } from './me.js';
import { fetchRuleSettings } from './settings.js';
import { fetchStatusPeriods } from './status-periods.js';
import { fetchUsers } from './users.js';
import { fetchBreakGlassGrants, fetchCaseloads, fetchTeams } from './teams.js';
import { fetchWorkQueue, type QueueQuery } from './work-queue.js';

/** Answers the server gave on purpose (4xx) are not worth asking again; a lost connection or a 5xx is, twice. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (failures >= 2) return false;
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // A form half filled in must not be re-rendered under the user's hands when they come back to the tab.
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
    },
  });
}

export const caseQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'detail'], queryFn: () => fetchCase(api, caseId) });

export const timelineQuery = (caseId: string, query: TimelineQuery) =>
  queryOptions({
    queryKey: ['case', caseId, 'timeline', query],
    queryFn: () => fetchTimeline(api, caseId, query),
    placeholderData: (previous) => previous,
  });

export const statusPeriodsQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'status-periods'], queryFn: () => fetchStatusPeriods(api, caseId) });

export const contactPersonsQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'contact-persons'], queryFn: () => fetchContactPersons(api, caseId) });

export const casesQuery = (query: SearchQuery) =>
  queryOptions({
    queryKey: ['cases', query],
    queryFn: () => searchCases(api, query),
    placeholderData: (previous) => previous,
  });

export const workQueueQuery = (query: QueueQuery) =>
  queryOptions({
    queryKey: ['work-queue', query],
    queryFn: () => fetchWorkQueue(api, query),
    placeholderData: (previous) => previous,
  });

export const teamsQuery = () => queryOptions({ queryKey: ['teams'], queryFn: () => fetchTeams(api) });

export const caseloadsQuery = (teamId: string) =>
  queryOptions({ queryKey: ['teams', teamId, 'caseloads'], queryFn: () => fetchCaseloads(api, teamId) });

export const breakGlassQuery = (teamId: string) =>
  queryOptions({ queryKey: ['teams', teamId, 'break-glass'], queryFn: () => fetchBreakGlassGrants(api, teamId) });

export const experimentsQuery = () => queryOptions({ queryKey: ['experiments'], queryFn: () => fetchExperiments(api) });

export const experimentQuery = (id: string) =>
  queryOptions({ queryKey: ['experiment', id, 'detail'], queryFn: () => fetchExperiment(api, id) });

export const eligibleQuery = (id: string, query: PageQuery) =>
  queryOptions({
    queryKey: ['experiment', id, 'eligible', query],
    queryFn: () => fetchEligible(api, id, query),
    placeholderData: (previous) => previous,
  });

export const enrolmentsQuery = (id: string, query: PageQuery) =>
  queryOptions({
    queryKey: ['experiment', id, 'enrolments', query],
    queryFn: () => fetchEnrolments(api, id, query),
    placeholderData: (previous) => previous,
  });

export const reportQuery = (id: string, pair: { treatment?: string; control?: string }) =>
  queryOptions({ queryKey: ['experiment', id, 'report', pair], queryFn: () => fetchReport(api, id, pair) });

export const usersQuery = () => queryOptions({ queryKey: ['users'], queryFn: () => fetchUsers(api) });

export const ruleSettingsQuery = () =>
  queryOptions({ queryKey: ['settings', 'rule-sets'], queryFn: () => fetchRuleSettings(api) });

export const citizenAccessLogQuery = (citizenId: string, query: AccessLogQuery) =>
  queryOptions({
    queryKey: ['citizen', citizenId, 'access-log', query],
    queryFn: () => fetchCitizenAccessLog(api, citizenId, query),
    placeholderData: (previous) => previous,
  });

/** A citizen's own case and access log: under 'me', cleared with everything else when the user changes. */
export const myCaseQuery = () => queryOptions({ queryKey: ['me', 'case'], queryFn: () => fetchMyCase(api) });

export const myAccessLogQuery = (query: AccessLogQuery) =>
  queryOptions({
    queryKey: ['me', 'access-log', query],
    queryFn: () => fetchMyAccessLog(api, query),
    placeholderData: (previous) => previous,
  });

/**
 * After a case changed: its answer replaces the cached case at once, and everything derived
 * from it (its timeline and periods, the queue, search results, caseloads) is fetched again.
 */
export function useCaseChanged(): (next: CaseBody) => void {
  const client = useQueryClient();
  return useCallback(
    (next: CaseBody) => {
      client.setQueryData(caseQuery(next.id).queryKey, next);
      void client.invalidateQueries({
        predicate: (query) => {
          const [root, id, part] = query.queryKey;
          if (root === 'case') return id === next.id && part !== 'detail';
          return root === 'work-queue' || root === 'cases' || root === 'teams' || root === 'experiment';
        },
      });
    },
    [client],
  );
}

/** After an experiment changed: the same, for its lists and report. */
export function useExperimentChanged(): (id: string) => void {
  const client = useQueryClient();
  return useCallback(
    (id: string) => {
      void client.invalidateQueries({ queryKey: ['experiment', id] });
      void client.invalidateQueries({ queryKey: ['experiments'] });
    },
    [client],
  );
}
