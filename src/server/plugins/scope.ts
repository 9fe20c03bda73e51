import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { canBreakGlass, caseAccess, type ActorScope, type CaseAccess, type CaseOwnership } from '../../core/access/case-scope.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { loadActorScope } from '../modules/cases/scope.js';
import { SCOPE_PARAM, type Scope } from './policy.js';

// Enforces the scope a route declares, before its handler runs, and hands the handler what
// it loaded. Outside the scope the record "does not exist": 404, so existence does not leak.

export interface ScopedCase extends CaseOwnership {
  access: CaseAccess;
}

export interface ScopeContext {
  actorScope: ActorScope;
  case?: ScopedCase;
}

declare module 'fastify' {
  interface FastifyRequest {
    scope: ScopeContext | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_NOT_FOUND = { da: 'Sagen findes ikke, eller du har ikke adgang til den.', en: 'The case does not exist, or you have no access to it.' };
const TEAM_NOT_FOUND = { da: 'Teamet findes ikke, eller du har ikke adgang til det.', en: 'The team does not exist, or you have no access to it.' };
const CITIZEN_NOT_FOUND = { da: 'Borgeren findes ikke.', en: 'The citizen does not exist.' };
const EXPERIMENT_NOT_FOUND = { da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' };
const NOT_FOUND = { caseId: CASE_NOT_FOUND, teamId: TEAM_NOT_FOUND, citizenId: CITIZEN_NOT_FOUND, experimentId: EXPERIMENT_NOT_FOUND } as const;

async function loadCase(db: Kysely<Database>, actor: Actor, caseId: string): Promise<CaseOwnership | undefined> {
  const row = await db
    .selectFrom('citizen_case')
    .select(['id', 'municipality_id', 'citizen_id', 'caseworker_id', 'team_id'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, municipalityId: row.municipality_id, citizenId: row.citizen_id, caseworkerId: row.caseworker_id, teamId: row.team_id };
}

function allowedOnCase(scope: Scope, access: CaseAccess, actorScope: ActorScope): boolean {
  switch (scope) {
    case 'case.read':
      return access.read;
    case 'case.write':
      return access.write;
    case 'case.reassign':
      return access.reassign;
    case 'case.break_glass':
      return canBreakGlass(actorScope.actor);
    case 'team.read':
    case 'team.manage':
    case 'citizen.audit':
    case 'experiment':
      return false;
  }
}

async function teamAllowed(db: Kysely<Database>, scope: Scope, actorScope: ActorScope, teamId: string): Promise<boolean> {
  const { actor } = actorScope;
  const team = await db.selectFrom('team').select('id').where('municipality_id', '=', actor.municipalityId).where('id', '=', teamId).executeTakeFirst();
  if (team === undefined) return false;
  const leads = actor.roles.includes('team_leader') && actorScope.leads.includes(teamId);
  if (scope === 'team.manage') return leads || actor.roles.includes('municipality_admin');
  return leads || actorScope.memberOf.includes(teamId) || actor.roles.includes('municipality_admin');
}

export async function enforceScope(request: FastifyRequest, db: Kysely<Database>, scope: Scope, actor: Actor): Promise<void> {
  const actorScope = await loadActorScope(db, actor);
  const params = request.params as Record<string, string | undefined>;
  const id = params[SCOPE_PARAM[scope]] ?? '';
  // Parameters are not validated yet at this point; an id that is no uuid names nothing.
  if (!UUID.test(id)) throw notFound(NOT_FOUND[SCOPE_PARAM[scope]]);
  switch (SCOPE_PARAM[scope]) {
    case 'caseId': {
      const found = await loadCase(db, actor, id);
      if (found === undefined) throw notFound(CASE_NOT_FOUND);
      const access = caseAccess(actorScope, found);
      if (!allowedOnCase(scope, access, actorScope)) throw notFound(CASE_NOT_FOUND);
      request.scope = { actorScope, case: { ...found, access } };
      return;
    }
    case 'teamId':
      if (!(await teamAllowed(db, scope, actorScope, id))) throw notFound(TEAM_NOT_FOUND);
      request.scope = { actorScope };
      return;
    case 'experimentId': {
      const experiment = await db.selectFrom('experiment').select('id').where('municipality_id', '=', actor.municipalityId).where('id', '=', id).executeTakeFirst();
      if (experiment === undefined) throw notFound(EXPERIMENT_NOT_FOUND);
      request.scope = { actorScope };
      return;
    }
    case 'citizenId': {
      const citizen = await db.selectFrom('citizen').select('id').where('municipality_id', '=', actor.municipalityId).where('id', '=', id).executeTakeFirst();
      if (citizen === undefined) throw notFound(CITIZEN_NOT_FOUND);
      request.scope = { actorScope };
      return;
    }
  }
}

/** The scope context of a route that declared a case scope; a programming error otherwise. */
export function scopedCase(request: FastifyRequest): ScopedCase & { actorScope: ActorScope } {
  const c = request.scope?.case;
  if (c === undefined || request.scope === null) throw new Error(`route ${request.routeOptions.url ?? ''} reads a case without declaring a case scope`);
  return { ...c, actorScope: request.scope.actorScope };
}
