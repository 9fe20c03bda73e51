// Teams: caseloads against the team's cap, the cap itself, and cases opened by breaking the glass.
import type { ApiClient } from './client.js';
import { boolean, integer, list, object, personOrNull, text, type PersonRef } from './json.js';

export interface Team {
  id: string;
  name: string;
  caseload_cap: number;
  leader: PersonRef | null;
  version: number;
}

export interface Caseload {
  id: string;
  name: string;
  roles: string[];
  open_cases: number;
  over_cap: boolean;
}

export interface BreakGlassGrant {
  case_id: string;
  case_number: string;
  user: PersonRef;
  reason: string;
  granted_at: string;
  expires_at: string;
}

function parseTeam(value: unknown): Team {
  const team = object(value, 'team');
  return {
    id: text(team, 'id'),
    name: text(team, 'name'),
    caseload_cap: integer(team, 'caseload_cap'),
    leader: personOrNull(team.leader),
    version: integer(team, 'version'),
  };
}

function parseCaseload(value: unknown): Caseload {
  const member = object(value, 'member');
  return {
    id: text(member, 'id'),
    name: text(member, 'name'),
    roles: list(member.roles, 'roles', (role) => String(role)),
    open_cases: integer(member, 'open_cases'),
    over_cap: boolean(member, 'over_cap'),
  };
}

function parseGrant(value: unknown): BreakGlassGrant {
  const grant = object(value, 'grant');
  const user = personOrNull(grant.user);
  if (user === null) throw new Error('grant.user is missing');
  return {
    case_id: text(grant, 'case_id'),
    case_number: text(grant, 'case_number'),
    user,
    reason: text(grant, 'reason'),
    granted_at: text(grant, 'granted_at'),
    expires_at: text(grant, 'expires_at'),
  };
}

const teamPath = (teamId: string): string => `/api/teams/${encodeURIComponent(teamId)}`;

export function fetchTeams(api: ApiClient): Promise<Team[]> {
  return api.request('GET', '/api/teams', { parse: (json) => list(json, 'teams', parseTeam) });
}

export function fetchCaseloads(api: ApiClient, teamId: string): Promise<{ team: Team; members: Caseload[] }> {
  return api.request('GET', `${teamPath(teamId)}/caseloads`, {
    parse: (json) => {
      const body = object(json, 'caseloads');
      return { team: parseTeam(body.team), members: list(body.members, 'members', parseCaseload) };
    },
  });
}

export function setCaseloadCap(api: ApiClient, teamId: string, body: { caseload_cap: number; version: number }): Promise<Team> {
  return api.request('PATCH', teamPath(teamId), { body, parse: parseTeam });
}

export function fetchBreakGlassGrants(api: ApiClient, teamId: string): Promise<BreakGlassGrant[]> {
  return api.request('GET', `${teamPath(teamId)}/break-glass`, { parse: (json) => list(json, 'grants', parseGrant) });
}

/** The team a 409 version conflict carries as `current`. */
export function currentTeamOf(details: Readonly<Record<string, unknown>>): Team | undefined {
  try {
    return parseTeam(details.current);
  } catch {
    return undefined;
  }
}
