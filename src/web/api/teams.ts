// Teams: caseloads against the team's cap, the cap itself, and cases opened by breaking the glass.
import type { Grant, TeamBody, TeamCaseloads, TeamPatch } from '../../server/modules/teams/schema.js';
import type { ApiClient } from './client.js';

export type { Caseload, Grant, TeamBody, TeamCaseloads } from '../../server/modules/teams/schema.js';

const teamPath = (teamId: string): string => `/api/teams/${encodeURIComponent(teamId)}`;

export function fetchTeams(api: ApiClient): Promise<TeamBody[]> {
  return api.request('GET', '/api/teams');
}

export function fetchCaseloads(api: ApiClient, teamId: string): Promise<TeamCaseloads> {
  return api.request('GET', `${teamPath(teamId)}/caseloads`);
}

export function setCaseloadCap(api: ApiClient, teamId: string, body: TeamPatch): Promise<TeamBody> {
  return api.request('PATCH', teamPath(teamId), { body });
}

export function fetchBreakGlassGrants(api: ApiClient, teamId: string): Promise<Grant[]> {
  return api.request('GET', `${teamPath(teamId)}/break-glass`);
}
