import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/access/actor.js';
import { canBreakGlass, caseAccess, type ActorScope, type CaseAccess } from '../../../core/access/case-scope.js';
import type { Ctx } from '../../context.js';
import { Tenant } from '../../db/tenant.js';
import { notFound, type Message } from '../../errors.js';
import type { Services } from '../../http/context.js';
import { SCOPE_PARAM, type Scope } from '../../plugins/policy.js';
import type { ScopeCheck } from '../../plugins/scope.js';
import * as audit from '../audit/service.js';
import * as cases from '../cases/service.js';
import { experimentExists } from '../experiments/service.js';
import { membershipOf, teamExists } from '../teams/service.js';
import { citizenIdOf } from '../users/service.js';
import * as q from './queries.js';

// Who may do what with a case. The rule is core's caseAccess; this module gathers the facts it
// needs about the caller (teams, broken glass, own citizen record) and applies it twice: early,
// before a route's body is parsed (createScopeCheck), and authoritatively inside the use case's
// transaction, on the very row the use case then works from (withCase). Outside the scope a
// record "does not exist": 404, so existence does not leak.

/** How long a broken glass stays open. */
export const BREAK_GLASS_HOURS = 8;

const CASE_NOT_FOUND = {
  da: 'Sagen findes ikke, eller du har ikke adgang til den.',
  en: 'The case does not exist, or you have no access to it.',
};
const TEAM_NOT_FOUND = {
  da: 'Teamet findes ikke, eller du har ikke adgang til det.',
  en: 'The team does not exist, or you have no access to it.',
};
const CITIZEN_NOT_FOUND = { da: 'Borgeren findes ikke.', en: 'The citizen does not exist.' };
const EXPERIMENT_NOT_FOUND = { da: 'Forsøget findes ikke.', en: 'The experiment does not exist.' };
const NOT_FOUND: Record<(typeof SCOPE_PARAM)[Scope], Message> = {
  caseId: CASE_NOT_FOUND,
  teamId: TEAM_NOT_FOUND,
  citizenId: CITIZEN_NOT_FOUND,
  experimentId: EXPERIMENT_NOT_FOUND,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts about the caller that case access is decided from, as of `now`. */
export async function actorScope(db: Tenant, actor: Actor, now: Date): Promise<ActorScope> {
  const [teams, grantedCases, citizenId] = await Promise.all([
    membershipOf(db, actor.userId),
    q.grantedCases(db, actor.userId, now),
    citizenIdOf(db, actor.userId),
  ]);
  return { actor, memberOf: teams.memberOf, leads: teams.leads, grantedCases, citizenId };
}

/**
 * What a use case does with a case: read it, change it, move it to another caseworker, close or
 * reopen it, or break the glass to read it.
 */
export type CaseNeed = 'read' | 'write' | 'reassign' | 'close' | 'break_glass';

function permits(need: CaseNeed, access: CaseAccess, actor: Actor): boolean {
  switch (need) {
    case 'read':
      return access.read;
    case 'write':
      return access.write;
    case 'reassign':
      return access.reassign;
    case 'close':
      return access.close;
    case 'break_glass':
      return canBreakGlass(actor);
  }
}

/**
 * The case a use case works on, read once inside its transaction — locked when it will be
 * changed — and decided on there with the caller's scope of the same moment; 404 outside it.
 */
export async function withCase(ctx: Ctx, caseId: string, need: CaseNeed): Promise<cases.CaseInHand> {
  const lock = need === 'write' || need === 'reassign' || need === 'close';
  return decideOnCase(ctx.db, await actorScope(ctx.db, ctx.actor, ctx.now), caseId, need, lock);
}

/** The one decision on a case, for the early check and for the use case alike; 404 when not allowed. */
async function decideOnCase(
  db: Tenant,
  scope: ActorScope,
  caseId: string,
  need: CaseNeed,
  lock: boolean,
): Promise<cases.CaseInHand> {
  const record = await cases.caseRecord(db, caseId, { lock });
  if (record === undefined) throw notFound(CASE_NOT_FOUND);
  const access = caseAccess(scope, record);
  if (!permits(need, access, scope.actor)) throw notFound(CASE_NOT_FOUND);
  return { ...record, access };
}

/** Opens an out-of-scope case for reading with a written reason: logged, and shown to the team leader. */
export async function breakGlass(ctx: Ctx, c: cases.CaseInHand, reason: string): Promise<{ expires_at: string }> {
  const expires = new Date(ctx.now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  await q.insertGrant(ctx.db, { id: randomUUID(), caseId: c.id, userId: ctx.actor.userId, reason, expiresAt: expires });
  await cases.recordChange(ctx, c.id, 'break_glass', null, ctx.actor.userId, reason);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'break_glass',
    entity: 'case',
    entityId: c.id,
    purpose: reason,
  });
  return { expires_at: expires.toISOString() };
}

/** The glass broken on a team's cases, newest first (the team leader's view). */
export async function teamGrants(ctx: Ctx, teamId: string) {
  const rows = await q.teamGrants(ctx.db, teamId, 200);
  return rows.map((r) => ({
    case_id: r.case_id,
    case_number: r.case_number,
    user: { id: r.user_id, name: r.name },
    reason: r.reason,
    granted_at: r.granted_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
  }));
}

function caseNeedOf(scope: Scope): CaseNeed | null {
  switch (scope) {
    case 'case.read':
      return 'read';
    case 'case.write':
      return 'write';
    case 'case.reassign':
      return 'reassign';
    case 'case.close':
      return 'close';
    case 'case.break_glass':
      return 'break_glass';
    case 'team.read':
    case 'team.manage':
    case 'citizen.audit':
    case 'experiment':
      return null;
  }
}

async function teamAllowed(db: Tenant, scope: Scope, actorScope: ActorScope, teamId: string): Promise<boolean> {
  const { actor } = actorScope;
  const admin = actor.roles.includes('municipality_admin');
  const leads = actor.roles.includes('team_leader') && actorScope.leads.includes(teamId);
  const allowed = scope === 'team.manage' ? leads || admin : leads || actorScope.memberOf.includes(teamId) || admin;
  return allowed && (await teamExists(db, teamId));
}

/**
 * The check of a route's declared scope that runs before its handler (and before the body is
 * parsed): a caller outside the scope gets 404, never a 400 about a request they may not make.
 * Sets `request.scope`. The use case decides again in its transaction (withCase).
 */
export function createScopeCheck(services: Services): ScopeCheck {
  return async (request: FastifyRequest, scope: Scope, actor: Actor): Promise<void> => {
    const now = services.clock();
    const db = new Tenant(services.db.kysely, actor.municipalityId);
    const param = SCOPE_PARAM[scope];
    const id = (request.params as Record<string, string | undefined>)[param] ?? '';
    // Parameters are not validated yet at this point; an id that is no uuid names nothing.
    if (!UUID.test(id)) throw notFound(NOT_FOUND[param]);
    const scopeOfActor = await actorScope(db, actor, now);
    switch (param) {
      case 'caseId': {
        const need = caseNeedOf(scope);
        if (need === null) throw notFound(CASE_NOT_FOUND);
        // Outside the transaction of the use case: nothing to lock; withCase decides again there.
        await decideOnCase(db, scopeOfActor, id, need, false);
        break;
      }
      case 'teamId':
        if (!(await teamAllowed(db, scope, scopeOfActor, id))) throw notFound(TEAM_NOT_FOUND);
        break;
      case 'experimentId':
        if (!(await experimentExists(db, id))) throw notFound(EXPERIMENT_NOT_FOUND);
        break;
      case 'citizenId':
        if (!(await cases.citizenExists(db, id))) throw notFound(CITIZEN_NOT_FOUND);
        break;
    }
    request.scope = { actorScope: scopeOfActor };
  };
}
