import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import type { ActorScope } from '../../../core/access/case-scope.js';
import type { Database } from '../../db/schema.js';

// The one place that turns "who is asking" into facts (teams, grants, own citizen record)
// and into the SQL filter of the cases an actor may see. Every case query goes through it.

type Q = Kysely<Database>;

export async function loadActorScope(db: Q, actor: Actor, now = new Date()): Promise<ActorScope> {
  const [memberRows, leadRows, grantRows, userRow] = await Promise.all([
    db.selectFrom('team_member').select('team_id').where('municipality_id', '=', actor.municipalityId).where('user_id', '=', actor.userId).execute(),
    db.selectFrom('team').select('id').where('municipality_id', '=', actor.municipalityId).where('leader_id', '=', actor.userId).execute(),
    db
      .selectFrom('case_access_grant')
      .select('case_id')
      .where('municipality_id', '=', actor.municipalityId)
      .where('user_id', '=', actor.userId)
      .where('expires_at', '>', now)
      .execute(),
    db.selectFrom('app_user').select('citizen_id').where('municipality_id', '=', actor.municipalityId).where('id', '=', actor.userId).executeTakeFirst(),
  ]);
  return {
    actor,
    memberOf: memberRows.map((r) => r.team_id),
    leads: leadRows.map((r) => r.id),
    grantedCases: grantRows.map((r) => r.case_id),
    citizenId: userRow?.citizen_id ?? null,
  };
}

/**
 * WHERE clause for `citizen_case as c`: the cases the actor may read through their role and
 * scope (not through broken glass: those are opened one at a time). Mirrors caseAccess().
 */
export function visibleCases(scope: ActorScope) {
  const { actor } = scope;
  const roles = actor.roles;
  return (eb: ExpressionBuilder<Database & { c: Database['citizen_case'] }, 'c'>) => {
    const ors = [];
    if (roles.includes('caseworker')) ors.push(eb('c.caseworker_id', '=', actor.userId));
    if ((roles.includes('caseworker') || roles.includes('company_consultant')) && scope.memberOf.length > 0) ors.push(eb('c.team_id', 'in', scope.memberOf));
    if (roles.includes('team_leader') && scope.leads.length > 0) ors.push(eb('c.team_id', 'in', scope.leads));
    if (roles.includes('citizen') && scope.citizenId !== null) ors.push(eb('c.citizen_id', '=', scope.citizenId));
    return eb.and([eb('c.municipality_id', '=', actor.municipalityId), ors.length === 0 ? eb.lit(false) : eb.or(ors)]);
  };
}
